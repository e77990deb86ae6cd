package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.Masking;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The register of people under mental-health screening and follow-up: flags, screenings scored on the server,
 * alerts, referrals and follow-ups. Identities, answers, results and notes are sealed before they reach the
 * database; every write and every read of them is audited, inside the write's transaction or before the data
 * is handed out, so nothing is written or disclosed unaudited.
 */
@Component(service = CareRegister.class, immediate = true, configurationPid = MentalHealthConfiguration.PID)
@Designate(ocd = MentalHealthConfiguration.class)
public class CareRegister {

    static final String OWNER = "org.civicgrid.plugin.mentalhealth";
    static final String SCHEMA = "(" + SchemaReady.OWNER + "=" + OWNER + ")";
    static final String UNIT = "(osgi.unit.name=civicgrid-mentalhealth)";
    /** Posted after commit when an alert is raised; carries ids and the region only, never who or why. */
    static final String TOPIC_ALERT = "org/civicgrid/mentalhealth/ALERT";
    static final int LIST_MAX = 200;

    private static final Logger LOG = LoggerFactory.getLogger(CareRegister.class);

    private final JpaTemplate jpa;
    private final RegionService regions;
    private final DirectoryService directory;
    private final Scoring scoring;
    private final SensitiveData sealing;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final EventAdmin events;
    private volatile FollowUpPlan plan;

    @Activate
    public CareRegister(@Reference(target = SCHEMA) SchemaReady schema,
                        @Reference(target = UNIT) JpaTemplate jpa,
                        @Reference RegionService regions,
                        @Reference DirectoryService directory,
                        @Reference Scoring scoring,
                        @Reference SensitiveData sealing,
                        @Reference AuditTrail audit,
                        @Reference PlatformClock clock,
                        @Reference EventAdmin events,
                        MentalHealthConfiguration config) {
        this.jpa = jpa;
        this.regions = regions;
        this.directory = directory;
        this.scoring = scoring;
        this.sealing = sealing;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.plan = FollowUpPlan.of(config);
    }

    @Modified
    void modified(MentalHealthConfiguration config) {
        this.plan = FollowUpPlan.of(config);
        LOG.info("Follow-up plan now {}", plan.days());
    }

    // ---------------------------------------------------------------- flags

    /** Records that a person should be screened. The receipt says nothing about the person's records. */
    public FlagReceipt flag(Caller caller, FlagIntake intake) {
        Access.require(caller, Access.FLAGGING, "Flagging a person for screening");
        if (intake == null) {
            throw ProblemException.badRequest("Send the flag as JSON with regionCode, name, idNumber, phone and reason.");
        }
        Region region = Input.region(regions, intake.regionCode(), "regionCode");
        Access.requireReach(caller, region.code());
        Identity identity = identity(intake.name(), intake.idNumber(), intake.phone());
        String reason = Input.text("reason", intake.reason(), Input.NOTE_MAX, false);
        String flagId = UUID.randomUUID().toString();
        LocalDateTime now = now();
        jpa.tx(TransactionType.Required, em -> {
            PersonEntity person = personFor(em, identity, region.code(), caller, now);
            em.persist(new FlagEntity(flagId, person.id(), region.code(), sealing.seal(FlagEntity.REASON, reason),
                    caller.userId(), now));
            // Constraint errors surface before the audit entry (its own transaction) is written.
            em.flush();
            // The person's id only where the caller may see the person: a flag raised in one county for someone
            // on another county's register must not tell the first county's auditor who that is.
            audit.record(AuditEntry.ok(caller.userId(), "flag.create", "mh_flag", flagId, region.code(),
                    caller.reaches(person.regionCode()) ? "person " + person.id() : null));
        });
        LOG.info("Person flagged for screening in {} ({})", region.code(), flagId);
        return new FlagReceipt(flagId, region.code(), caller.userId(), utc(now), "FLAGGED");
    }

    /** A flag read back: only that it is on record. */
    public Optional<FlagReceipt> flagReceipt(Caller caller, String flagId) {
        Access.require(caller, Access.FLAGGING, "Reading a flag");
        FlagEntity flag = jpa.txExpr(TransactionType.Supports, em -> em.find(FlagEntity.class, flagId));
        return Optional.ofNullable(flag).filter(f -> caller.reaches(f.regionCode()))
                .map(f -> new FlagReceipt(f.id(), f.regionCode(), f.flaggedBy(), utc(f.flaggedAt()), "FLAGGED"));
    }

    /** A counsellor's worklist: the people flagged in a region, newest first, names masked. */
    public List<FlaggedPerson> flagged(Caller caller, String regionCode, int limit) {
        Access.requireCounsellor(caller);
        Region region = Input.region(regions, regionCode, "region");
        Access.requireReach(caller, region.code());
        checkLimit(limit);
        List<FlaggedPerson> list = jpa.txExpr(TransactionType.Supports, em -> {
            List<FlaggedPerson> out = new ArrayList<>();
            for (FlagEntity f : em.createQuery("select f from FlagEntity f where f.regionCode like :prefix "
                            + "order by f.flaggedAt desc, f.id", FlagEntity.class)
                    .setParameter("prefix", region.code() + "%").setMaxResults(limit).getResultList()) {
                PersonEntity p = em.find(PersonEntity.class, f.personId());
                // Someone flagged here who is on another area's register: this area sees its own flag, not the
                // other area's person or whether that area has screened them.
                boolean ours = caller.reaches(p.regionCode());
                boolean screened = ours && !em.createQuery("select s.id from ScreeningEntity s where s.personId = :p "
                                + "and s.recordedAt >= :since", String.class)
                        .setParameter("p", p.id()).setParameter("since", f.flaggedAt()).setMaxResults(1)
                        .getResultList().isEmpty();
                out.add(new FlaggedPerson(f.id(), ours ? p.id() : null, f.regionCode(),
                        Masking.name(sealing.open(PersonEntity.NAME, p.nameSealed())), f.flaggedBy(),
                        utc(f.flaggedAt()), sealing.open(FlagEntity.REASON, f.reasonSealed()), screened));
            }
            return out;
        });
        audit.record(AuditEntry.ok(caller.userId(), "flag.list", "mh_flag", null, region.code(),
                list.size() + " flagged people, names masked"));
        return list;
    }

    // ---------------------------------------------------------------- people

    /** Registers a person; 409 if their ID number is on the register already. */
    public Person register(Caller caller, PersonIntake intake) {
        Access.requireCounsellor(caller);
        if (intake == null) {
            throw ProblemException.badRequest("Send the person as JSON with regionCode, name, idNumber and phone.");
        }
        Region region = Input.region(regions, intake.regionCode(), "regionCode");
        Access.requireReach(caller, region.code());
        Identity identity = identity(intake.name(), intake.idNumber(), intake.phone());
        LocalDateTime now = now();
        PersonEntity person = jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity existing = byFingerprint(em, identity.fingerprint());
            if (existing != null) {
                throw new ProblemException(409, "Already registered", caller.reaches(existing.regionCode())
                        ? "This ID number is on the register already as person " + existing.id() + "."
                        : "This ID number is on the register of another area; ask its counsellor to refer the person.");
            }
            PersonEntity created = personFor(em, identity, region.code(), caller, now);
            em.flush();
            audit.record(AuditEntry.ok(caller.userId(), "person.create", "mh_person", created.id(), region.code(), null));
            return created;
        });
        return view(person, identity.name(), identity.idNumber(), identity.phone(), false);
    }

    /** A person of the caller's region; identity masked unless {@code reveal}. Audited either way. */
    public Optional<Person> person(Caller caller, String personId, boolean reveal) {
        Access.requireCounsellor(caller);
        PersonEntity p = jpa.txExpr(TransactionType.Supports, em -> em.find(PersonEntity.class, personId));
        if (p == null || !caller.reaches(p.regionCode())) {
            refused(caller, "person.read", "mh_person", personId, p);
            return Optional.empty();
        }
        Person person = view(p, sealing.open(PersonEntity.NAME, p.nameSealed()),
                sealing.open(PersonEntity.ID_NUMBER, p.idNumberSealed()), sealing.open(PersonEntity.PHONE, p.phoneSealed()),
                reveal);
        audit.record(AuditEntry.ok(caller.userId(), reveal ? "person.reveal" : "person.read", "mh_person", p.id(),
                p.regionCode(), reveal ? "identity shown in full" : "identity masked"));
        return Optional.of(person);
    }

    /** The people of a region, names masked, optionally of one tier or with a follow-up past due. */
    public List<Person> people(Caller caller, String regionCode, RiskTier tier, boolean overdueOnly, int limit) {
        Access.requireCounsellor(caller);
        Region region = Input.region(regions, regionCode, "region");
        Access.requireReach(caller, region.code());
        checkLimit(limit);
        LocalDateTime now = now();
        List<Person> list = jpa.txExpr(TransactionType.Supports, em -> {
            javax.persistence.TypedQuery<PersonEntity> query = em.createQuery(
                    "select p from PersonEntity p where p.regionCode like :prefix"
                            + (tier == null ? "" : " and p.tier = :tier")
                            + (overdueOnly ? " and p.nextFollowUpAt <= :now" : "")
                            + " order by p.nextFollowUpAt, p.id", PersonEntity.class)
                    .setParameter("prefix", region.code() + "%");
            if (tier != null) {
                query.setParameter("tier", tier.name());
            }
            if (overdueOnly) {
                query.setParameter("now", now);
            }
            return query.setMaxResults(limit).getResultList();
        }).stream()
                .map(p -> view(p, sealing.open(PersonEntity.NAME, p.nameSealed()),
                        sealing.open(PersonEntity.ID_NUMBER, p.idNumberSealed()),
                        sealing.open(PersonEntity.PHONE, p.phoneSealed()), false))
                .toList();
        audit.record(AuditEntry.ok(caller.userId(), "person.list", "mh_person", null, region.code(),
                list.size() + " people, identities masked"));
        return list;
    }

    // ---------------------------------------------------------------- screenings

    /**
     * Scores a questionnaire from its answers and records it. A client-sent score, band or tier is refused. The
     * screening raises the person's tier (never lowers it: that is a counsellor's decision at a follow-up) and
     * plans the follow-up; a positive self-harm item raises an alert to the person's counsellor.
     */
    public Screening screen(Caller caller, ScreeningIntake intake) {
        Access.requireCounsellor(caller);
        if (intake == null) {
            throw ProblemException.badRequest("Send the screening as JSON with personId (or person), instrument and answers.");
        }
        if (intake.score() != null || intake.band() != null || intake.tier() != null) {
            throw ProblemException.badRequest("score, band and tier are computed by the server from the answers; "
                    + "send only the answers.");
        }
        Instrument instrument = Instrument.byCode(intake.instrument()).orElseThrow(() -> ProblemException.badRequest(
                "instrument must be one of " + Instrument.ALL.stream().map(Instrument::code).toList() + "."));
        Region newRegion = null;
        Identity identity = null;
        if (intake.personId() == null) {
            if (intake.person() == null) {
                throw ProblemException.badRequest("Name the person: personId, or person with regionCode, name and idNumber.");
            }
            newRegion = Input.region(regions, intake.person().regionCode(), "person.regionCode");
            Access.requireReach(caller, newRegion.code());
            identity = identity(intake.person().name(), intake.person().idNumber(), intake.person().phone());
        }
        Region region = newRegion;
        Identity who = identity;
        LocalDateTime now = now();
        String screeningId = UUID.randomUUID().toString();
        Recorded recorded = jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity person;
            if (who == null) {
                person = em.find(PersonEntity.class, intake.personId());
                if (person == null || !caller.reaches(person.regionCode())) {
                    throw ProblemException.notFound("No person " + intake.personId() + " in your area.");
                }
            } else {
                person = personFor(em, who, region.code(), caller, now);
                if (!caller.reaches(person.regionCode())) {
                    throw new ProblemException(409, "Registered elsewhere",
                            "This ID number is on the register of another area; ask its counsellor to refer the person.");
                }
            }
            String campaignId = campaign(em, intake.campaignId(), instrument, person, now);
            ScreeningResult result = scoring.score(instrument, intake.answers(), person.regionCode());
            em.persist(new ScreeningEntity(screeningId, person.id(), campaignId, person.regionCode(), instrument.code(),
                    sealing.seal(ScreeningEntity.ANSWERS, answersText(intake.answers())),
                    sealing.seal(ScreeningEntity.RESULT, resultText(result)), result.tier(), caller.userId(), now));
            if (person.counsellorId() == null) {
                person.counsellorId(caller.userId());
            }
            if (person.tier() == null || result.tier().compareTo(person.tier()) > 0) {
                person.plan(result.tier(), plan.daysFor(result.tier()), now);
            }
            String alertId = null;
            if (result.alert()) {
                alertId = UUID.randomUUID().toString();
                em.persist(new AlertEntity(alertId, person.id(), screeningId, person.regionCode(), person.counsellorId(),
                        sealing.seal(AlertEntity.KIND, AlertKind.SELF_HARM_ITEM.name()), now));
            }
            em.flush();
            audit.record(AuditEntry.ok(caller.userId(), "screening.create", "mh_screening", screeningId,
                    person.regionCode(), "person " + person.id() + (alertId == null ? "" : ", alert " + alertId)));
            return new Recorded(new Screening(screeningId, person.id(), campaignId, instrument.code(),
                    List.copyOf(intake.answers()), result.score(), result.band(), result.tier(), result.alert(),
                    caller.userId(), utc(now)), alertId, person.regionCode(), person.counsellorId());
        });
        if (recorded.alertId() != null) {
            events.postEvent(new Event(TOPIC_ALERT, Map.of("alertId", recorded.alertId(),
                    "regionCode", recorded.regionCode(), "counsellorId", recorded.counsellorId())));
            LOG.info("Alert {} raised to counsellor {}", recorded.alertId(), recorded.counsellorId());
        }
        return recorded.screening();
    }

    /** A person's screenings, newest first, with answers and results. */
    public List<Screening> screenings(Caller caller, String personId) {
        PersonEntity person = reachablePerson(caller, personId, "screening.read");
        List<Screening> list = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select s from ScreeningEntity s where s.personId = :p order by s.recordedAt desc, s.id",
                        ScreeningEntity.class).setParameter("p", person.id()).getResultList())
                .stream().map(this::view).toList();
        audit.record(AuditEntry.ok(caller.userId(), "screening.read", "mh_person", person.id(), person.regionCode(),
                list.size() + " screenings with answers"));
        return list;
    }

    /** One screening with answers and result. */
    public Optional<Screening> screening(Caller caller, String screeningId) {
        Access.requireCounsellor(caller);
        ScreeningEntity s = jpa.txExpr(TransactionType.Supports, em -> em.find(ScreeningEntity.class, screeningId));
        if (s == null || !caller.reaches(s.regionCode())) {
            refused(caller, "screening.read", "mh_screening", screeningId, null);
            return Optional.empty();
        }
        Screening screening = view(s);
        audit.record(AuditEntry.ok(caller.userId(), "screening.read", "mh_screening", s.id(), s.regionCode(), null));
        return Optional.of(screening);
    }

    // ---------------------------------------------------------------- referral and follow-up

    /** Refers a person to a counsellor (who becomes responsible), a hospital or crisis intervention. */
    public Referral refer(Caller caller, String personId, ReferralIntake intake) {
        Access.requireCounsellor(caller);
        if (intake == null) {
            throw ProblemException.badRequest("Send the referral as JSON with kind, target and note.");
        }
        ReferralKind kind = Arrays.stream(ReferralKind.values())
                .filter(k -> k.name().equalsIgnoreCase(intake.kind() == null ? "" : intake.kind().trim()))
                .findFirst().orElseThrow(() -> ProblemException.badRequest(
                        "kind must be one of " + List.of(ReferralKind.values()) + "."));
        String target = Input.text("target", intake.target(), Input.TARGET_MAX, true);
        String note = Input.text("note", intake.note(), Input.NOTE_MAX, false);
        Optional<User> counsellor = kind == ReferralKind.COUNSELLOR ? directory.user(caller, target) : Optional.empty();
        LocalDateTime now = now();
        String referralId = UUID.randomUUID().toString();
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity person = em.find(PersonEntity.class, personId);
            if (person == null || !caller.reaches(person.regionCode())) {
                throw ProblemException.notFound("No person " + personId + " in your area.");
            }
            if (kind == ReferralKind.COUNSELLOR) {
                User to = counsellor.filter(User::enabled).filter(u -> u.roles().contains(Role.COUNSELLOR))
                        .filter(u -> person.regionCode().startsWith(u.regionCode()))
                        .orElseThrow(() -> ProblemException.badRequest("target must be the user id of a counsellor "
                                + "whose area includes the person's region (" + person.regionCode() + ")."));
                person.counsellorId(to.id());
            }
            if (kind == ReferralKind.CRISIS_INTERVENTION && person.tier() != RiskTier.CRISIS) {
                person.plan(RiskTier.CRISIS, plan.daysFor(RiskTier.CRISIS), now);
            }
            em.persist(new ReferralEntity(referralId, person.id(), person.regionCode(), kind,
                    sealing.seal(ReferralEntity.TARGET, target), sealing.seal(ReferralEntity.NOTE, note),
                    caller.userId(), now));
            em.flush();
            audit.record(AuditEntry.ok(caller.userId(), "referral.create", "mh_referral", referralId,
                    person.regionCode(), "person " + person.id()));
            return new Referral(referralId, person.id(), kind, target, note, caller.userId(), utc(now));
        });
    }

    /** A person's referrals, newest first. */
    public List<Referral> referrals(Caller caller, String personId) {
        PersonEntity person = reachablePerson(caller, personId, "referral.read");
        List<Referral> list = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select r from ReferralEntity r where r.personId = :p order by r.referredAt desc, r.id",
                        ReferralEntity.class).setParameter("p", person.id()).getResultList())
                .stream().map(r -> new Referral(r.id(), r.personId(), r.kind(),
                        sealing.open(ReferralEntity.TARGET, r.targetSealed()),
                        sealing.open(ReferralEntity.NOTE, r.noteSealed()), r.referredBy(), utc(r.referredAt())))
                .toList();
        audit.record(AuditEntry.ok(caller.userId(), "referral.read", "mh_person", person.id(), person.regionCode(),
                list.size() + " referrals"));
        return list;
    }

    /**
     * Records a follow-up contact and plans the next one from now, in the tier the counsellor gives (the only
     * way to lower a tier) or the current one.
     */
    public FollowUp followUp(Caller caller, String personId, FollowUpIntake intake) {
        Access.requireCounsellor(caller);
        if (intake == null) {
            throw ProblemException.badRequest("Send the follow-up as JSON with note and, if it changes, tier.");
        }
        String note = Input.text("note", intake.note(), Input.NOTE_MAX, true);
        RiskTier newTier = intake.tier() == null || intake.tier().isBlank() ? null : RiskTier.parse(intake.tier());
        LocalDateTime now = now();
        String followUpId = UUID.randomUUID().toString();
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity person = em.find(PersonEntity.class, personId);
            if (person == null || !caller.reaches(person.regionCode())) {
                throw ProblemException.notFound("No person " + personId + " in your area.");
            }
            RiskTier tier = newTier != null ? newTier : person.tier();
            if (tier == null) {
                throw ProblemException.badRequest("The person has no tier yet: screen them first or give tier.");
            }
            person.plan(tier, plan.daysFor(tier), now);
            if (person.counsellorId() == null) {
                person.counsellorId(caller.userId());
            }
            em.persist(new FollowUpEntity(followUpId, person.id(), person.regionCode(), tier,
                    sealing.seal(FollowUpEntity.NOTE, note), caller.userId(), now));
            em.flush();
            audit.record(AuditEntry.ok(caller.userId(), "followup.create", "mh_follow_up", followUpId,
                    person.regionCode(), "person " + person.id()));
            return new FollowUp(followUpId, person.id(), tier, note, caller.userId(), utc(now));
        });
    }

    /** A person's follow-up contacts, newest first. */
    public List<FollowUp> followUps(Caller caller, String personId) {
        PersonEntity person = reachablePerson(caller, personId, "followup.read");
        List<FollowUp> list = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select f from FollowUpEntity f where f.personId = :p order by f.doneAt desc, f.id",
                        FollowUpEntity.class).setParameter("p", person.id()).getResultList())
                .stream().map(f -> new FollowUp(f.id(), f.personId(), f.tier(),
                        sealing.open(FollowUpEntity.NOTE, f.noteSealed()), f.doneBy(), utc(f.doneAt())))
                .toList();
        audit.record(AuditEntry.ok(caller.userId(), "followup.read", "mh_person", person.id(), person.regionCode(),
                list.size() + " follow-ups"));
        return list;
    }

    // ---------------------------------------------------------------- alerts

    /** The caller's inbox: alerts addressed to them, newest first; only the open ones if asked. */
    public List<Alert> alerts(Caller caller, boolean openOnly) {
        Access.requireCounsellor(caller);
        List<Alert> list = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                        "select a from AlertEntity a where a.counsellorId = :me"
                                + (openOnly ? " and a.acknowledgedAt is null" : "")
                                + " order by a.raisedAt desc, a.id", AlertEntity.class)
                .setParameter("me", caller.userId()).setMaxResults(LIST_MAX).getResultList().stream()
                .filter(a -> caller.reaches(a.regionCode()))
                .map(a -> view(em, a)).toList());
        audit.record(AuditEntry.ok(caller.userId(), "alert.read", "mh_alert", null, caller.regionCode(),
                list.size() + " alerts, names masked"));
        return list;
    }

    /** Marks an alert as dealt with; any counsellor of the person's region may (a colleague covering). */
    public Alert acknowledge(Caller caller, String alertId, String note) {
        Access.requireCounsellor(caller);
        String text = Input.text("note", note, Input.NOTE_MAX, true);
        LocalDateTime now = now();
        return jpa.txExpr(TransactionType.Required, em -> {
            AlertEntity alert = em.find(AlertEntity.class, alertId);
            if (alert == null || !caller.reaches(alert.regionCode())) {
                throw ProblemException.notFound("No alert " + alertId + " in your area.");
            }
            if (alert.acknowledgedAt() != null) {
                throw new ProblemException(409, "Already acknowledged", "Alert " + alertId + " was acknowledged by "
                        + alert.acknowledgedBy() + " at " + utc(alert.acknowledgedAt()) + ".");
            }
            alert.acknowledge(caller.userId(), now, sealing.seal(AlertEntity.NOTE, text));
            em.flush();
            audit.record(AuditEntry.ok(caller.userId(), "alert.acknowledge", "mh_alert", alertId, alert.regionCode(), null));
            return view(em, alert);
        });
    }

    // ---------------------------------------------------------------- helpers

    private record Identity(String name, String idNumber, String phone, String fingerprint) {
    }

    private record Recorded(Screening screening, String alertId, String regionCode, String counsellorId) {
    }

    private Identity identity(String name, String idNumber, String phone) {
        String n = Input.name(name);
        String id = ResidentId.normalised(idNumber);
        String p = Input.phone(phone);
        return new Identity(n, id, p, sealing.fingerprint(PersonEntity.FINGERPRINT, id));
    }

    /** The person with this ID number, registered in {@code regionCode} if new. */
    private PersonEntity personFor(EntityManager em, Identity identity, String regionCode, Caller caller,
                                   LocalDateTime now) {
        PersonEntity person = byFingerprint(em, identity.fingerprint());
        if (person == null) {
            person = new PersonEntity(UUID.randomUUID().toString(), regionCode, identity.fingerprint(),
                    sealing.seal(PersonEntity.NAME, identity.name()),
                    sealing.seal(PersonEntity.ID_NUMBER, identity.idNumber()),
                    sealing.seal(PersonEntity.PHONE, identity.phone()), caller.userId(), now);
            em.persist(person);
            // Rows that refer to the person follow in this transaction; the person's insert must go first.
            em.flush();
        } else if (identity.phone() != null && caller.reaches(person.regionCode())) {
            person.phoneSealed(sealing.seal(PersonEntity.PHONE, identity.phone()));
        }
        return person;
    }

    private static PersonEntity byFingerprint(EntityManager em, String fingerprint) {
        return em.createQuery("select p from PersonEntity p where p.idFingerprint = :f", PersonEntity.class)
                .setParameter("f", fingerprint).getResultList().stream().findFirst().orElse(null);
    }

    /** The campaign a screening belongs to, checked: in force today, covering the person, using the instrument. */
    private String campaign(EntityManager em, String campaignId, Instrument instrument, PersonEntity person,
                            LocalDateTime now) {
        if (campaignId == null || campaignId.isBlank()) {
            return null;
        }
        CampaignEntity campaign = em.find(CampaignEntity.class, campaignId.trim());
        if (campaign == null || !person.regionCode().startsWith(campaign.regionCode())) {
            throw ProblemException.badRequest("campaignId names no campaign covering the person's region.");
        }
        if (!campaign.instruments().contains(instrument.code())) {
            throw ProblemException.badRequest("The campaign uses " + campaign.instruments() + ", not " + instrument.code() + ".");
        }
        LocalDate today = now.atOffset(ZoneOffset.UTC).atZoneSameInstant(clock.zone()).toLocalDate();
        if (today.isBefore(campaign.startsOn()) || today.isAfter(campaign.endsOn())) {
            throw ProblemException.badRequest("The campaign runs from " + campaign.startsOn() + " to "
                    + campaign.endsOn() + "; today is " + today + ".");
        }
        return campaign.id();
    }

    private PersonEntity reachablePerson(Caller caller, String personId, String action) {
        Access.requireCounsellor(caller);
        PersonEntity person = jpa.txExpr(TransactionType.Supports, em -> em.find(PersonEntity.class, personId));
        if (person == null || !caller.reaches(person.regionCode())) {
            refused(caller, action, "mh_person", personId, person);
            throw ProblemException.notFound("No person " + personId + " in your area.");
        }
        return person;
    }

    /** Records a refused read of an existing record, so the region's auditors see attempts on their data. */
    private void refused(Caller caller, String action, String type, String id, PersonEntity person) {
        if (person != null) {
            audit.record(new AuditEntry(caller.userId(), action, type, id, person.regionCode(), "refused",
                    "outside the caller's area " + caller.regionCode()));
        }
    }

    private Person view(PersonEntity p, String name, String idNumber, String phone, boolean reveal) {
        LocalDateTime due = p.nextFollowUpAt();
        return new Person(p.id(), p.regionCode(), regions.find(p.regionCode()).map(Region::name).orElse(null),
                reveal ? name : Masking.name(name), reveal ? idNumber : Masking.idNumber(idNumber),
                reveal ? phone : Masking.phone(phone), reveal, p.tier(), p.counsellorId(), p.followUpDays(),
                due == null ? null : utc(due), due != null && !due.isAfter(now()),
                p.overdueFlaggedAt() == null ? null : utc(p.overdueFlaggedAt()), utc(p.createdAt()));
    }

    private Screening view(ScreeningEntity s) {
        List<Integer> answers = Arrays.stream(sealing.open(ScreeningEntity.ANSWERS, s.answersSealed()).split(","))
                .map(Integer::valueOf).toList();
        Map<String, String> result = resultFields(sealing.open(ScreeningEntity.RESULT, s.resultSealed()));
        return new Screening(s.id(), s.personId(), s.campaignId(), s.instrument(), answers,
                Integer.parseInt(result.get("score")), result.get("band"), s.tier(),
                Boolean.parseBoolean(result.get("alert")), s.recordedBy(), utc(s.recordedAt()));
    }

    private Alert view(EntityManager em, AlertEntity a) {
        PersonEntity p = em.find(PersonEntity.class, a.personId());
        return new Alert(a.id(), AlertKind.valueOf(sealing.open(AlertEntity.KIND, a.kindSealed())), a.personId(),
                p == null ? null : Masking.name(sealing.open(PersonEntity.NAME, p.nameSealed())), a.regionCode(),
                a.screeningId(), utc(a.raisedAt()), a.acknowledgedBy(),
                a.acknowledgedAt() == null ? null : utc(a.acknowledgedAt()), sealing.open(AlertEntity.NOTE, a.noteSealed()));
    }

    static String answersText(List<Integer> answers) {
        return String.join(",", answers.stream().map(String::valueOf).toList());
    }

    static String resultText(ScreeningResult result) {
        return "score=" + result.score() + ";band=" + result.band() + ";alert=" + result.alert();
    }

    private static Map<String, String> resultFields(String text) {
        Map<String, String> fields = new java.util.HashMap<>();
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return fields;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > LIST_MAX) {
            throw ProblemException.badRequest("limit must be between 1 and " + LIST_MAX + ", not " + limit + ".");
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    static OffsetDateTime utc(LocalDateTime time) {
        return time.atOffset(ZoneOffset.UTC);
    }
}
