package org.civicgrid.plugin.mediation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.Masking;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's register of disputes ({@code med_dispute} and the tables hanging off it): intake, assignment,
 * sessions, outcomes, agreements and their judicial confirmation, referrals and joint consultations. Every
 * method acts for a caller inside the caller's area; a dispute outside it is not found. Party identities are
 * sealed at rest, shown masked, and every disclosure is recorded in the audit trail first.
 */
@Component(service = DisputeRegistry.class, immediate = true)
public class DisputeRegistry {

    static final String SCHEMA = "(" + SchemaReady.OWNER + "=org.civicgrid.plugin.mediation)";
    /** Posted after commit when a dispute reaches AGREED, WITHDRAWN or REFERRED (properties disputeId, caseId, status). */
    static final String CONCLUDED_TOPIC = "org/civicgrid/mediation/CONCLUDED";
    static final int SUMMARY_MAX = 2000;
    static final int TEXT_MAX = 4000;
    static final int LIST_MAX = 200;
    static final int PARTIES_MAX = 20;
    private static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.99");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    private static final Logger LOG = LoggerFactory.getLogger(DisputeRegistry.class);

    /** Who works the studio's window and registers: mediators, command centres, grid staff, administrators. */
    static final Set<Role> STUDIO_ROLES = EnumSet.of(Role.MEDIATOR, Role.COMMAND_OPERATOR, Role.GRID_WORKER,
            Role.GRID_LEADER, Role.COUNTY_ADMIN, Role.CITY_ADMIN);

    private final JpaTemplate jpa;
    private final RegionService regions;
    private final MediationNetwork network;
    private final PlatformClock clock;
    private final SensitiveData sensitive;
    private final AuditTrail audit;
    private final EventAdmin events;

    @Activate
    public DisputeRegistry(@Reference(target = SCHEMA) SchemaReady schema,
                           @Reference(target = "(osgi.unit.name=civicgrid-mediation)") JpaTemplate jpa,
                           @Reference RegionService regions,
                           @Reference MediationNetwork network,
                           @Reference PlatformClock clock,
                           @Reference SensitiveData sensitive,
                           @Reference AuditTrail audit,
                           @Reference EventAdmin events) {
        this.jpa = jpa;
        this.regions = regions;
        this.network = network;
        this.clock = clock;
        this.sensitive = sensitive;
        this.audit = audit;
        this.events = events;
    }

    // ---------------------------------------------------------------- intake and reading

    /** Takes a dispute in; refuses it whole, with the reason, if anything in it is wrong. */
    public Dispute receive(Caller caller, DisputeIntake intake) {
        requireStudioRole(caller);
        Region region = validate(intake);
        if (intake.source() == DisputeSource.CASE) {
            throw ProblemException.badRequest("source CASE is set by the studio for disputes opened from a case; "
                    + "use WINDOW or COURT.");
        }
        if (!caller.reaches(region.code())) {
            throw new ProblemException(403, "Forbidden", "Region " + region.code() + " is outside your area.");
        }
        List<PartyInput> parties = validParties(intake.parties());
        Dispute dispute = store(normalised(intake), parties, null, region);
        audit.record(AuditEntry.ok(caller.userId(), "dispute.create", "dispute", dispute.id(), region.code(),
                intake.type() + ", " + parties.size() + " part" + (parties.size() == 1 ? "y" : "ies")
                        + " (identities sealed)"));
        LOG.info("Dispute {} ({}, {}) received in {}", dispute.id(), intake.type(), dispute.source(), region.code());
        return dispute;
    }

    /**
     * Opens a dispute for a core case of the studio's category, once: a second call for the same case returns the
     * dispute already opened.
     */
    Dispute openFromCase(String caseId, DisputeIntake intake, String actor) {
        Optional<DisputeEntity> existing = byCase(caseId);
        if (existing.isPresent()) {
            return existing.get().toDispute(regionName(existing.get().regionCode()), List.of());
        }
        Region region = validate(intake);
        List<PartyInput> parties = validParties(intake.parties());
        Dispute dispute = store(normalised(intake), parties, caseId, region);
        audit.record(AuditEntry.ok(actor, "dispute.create", "dispute", dispute.id(), region.code(),
                "opened from case " + caseId + ", " + parties.size() + " part" + (parties.size() == 1 ? "y" : "ies")));
        LOG.info("Dispute {} opened from case {} in {}", dispute.id(), caseId, region.code());
        return dispute;
    }

    private Dispute store(DisputeIntake intake, List<PartyInput> parties, String caseId, Region region) {
        String id = UUID.randomUUID().toString();
        DisputeEntity entity = new DisputeEntity(id, intake, DisputeStatus.RECEIVED, now());
        entity.caseId(caseId);
        List<PartyEntity> sealed = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            sealed.add(seal(id, i + 1, parties.get(i)));
        }
        jpa.tx(TransactionType.Required, em -> {
            em.persist(entity);
            em.flush();
            sealed.forEach(em::persist);
        });
        return entity.toDispute(region.name(), parties.stream().map(DisputeRegistry::masked).toList());
    }

    Optional<DisputeEntity> byCase(String caseId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select d from DisputeEntity d where d.caseId = :c", DisputeEntity.class)
                .setParameter("c", caseId).getResultList().stream().findFirst());
    }

    /** A dispute with its parties masked, if it lies in the caller's area (one outside it is as good as missing). */
    public Optional<Dispute> find(Caller caller, String id) {
        requireStudioRole(caller);
        DisputeEntity entity = jpa.txExpr(TransactionType.Supports, em -> em.find(DisputeEntity.class, id));
        if (entity == null || !caller.reaches(entity.regionCode())) {
            return Optional.empty();
        }
        List<PartyEntity> parties = parties(id);
        if (!parties.isEmpty()) {
            audit.record(AuditEntry.ok(caller.userId(), "dispute.party.read", "dispute", id, entity.regionCode(),
                    parties.size() + " part" + (parties.size() == 1 ? "y" : "ies") + ", masked"));
        }
        return Optional.of(entity.toDispute(regionName(entity.regionCode()),
                parties.stream().map(this::open).map(DisputeRegistry::masked).toList()));
    }

    /** The newest disputes of a region and everything under it, without their parties. */
    public List<Dispute> list(Caller caller, String regionCode, int limit) {
        requireStudioRole(caller);
        if (!caller.reaches(regionCode)) {
            throw new ProblemException(403, "Forbidden", "Region " + regionCode + " is outside your area.");
        }
        if (regions.find(regionCode).isEmpty()) {
            throw new ProblemException(404, "Unknown region", "No region with code " + regionCode + " is loaded.");
        }
        if (limit < 1 || limit > LIST_MAX) {
            throw ProblemException.badRequest("limit must be between 1 and " + LIST_MAX + ", not " + limit);
        }
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select d from DisputeEntity d where d.regionCode like :prefix "
                        + "order by d.receivedAt desc, d.id", DisputeEntity.class)
                .setParameter("prefix", regionCode + "%")
                .setMaxResults(limit)
                .getResultList()
                .stream().map(e -> e.toDispute(regionName(e.regionCode()), List.of())).toList());
    }

    // ---------------------------------------------------------------- assignment and sessions

    /** Assigns the dispute to a mediator, named or chosen by its type and place. */
    public Dispute assign(Caller caller, String id, String mediatorId) {
        Mediator mediator;
        // The dispute first: another area's dispute is not found, whatever mediator is named.
        DisputeEntity dispute = visible(caller, id);
        if (mediatorId == null || mediatorId.isBlank()) {
            mediator = network.choose(dispute.regionCode(), dispute.type(), dispute.source()).orElseThrow(() ->
                    new ProblemException(409, "No mediator", "No registered mediator of an organisation serving "
                            + dispute.regionCode() + " takes " + dispute.type()
                            + " disputes: register one, or name the mediator (mediatorId)."));
        } else {
            // A mediator outside the caller's area is answered as one that does not exist: the refusal must not
            // tell another county who mediates where.
            mediator = network.mediator(mediatorId.trim())
                    .filter(m -> caller.reaches(m.regionCode()) || caller.regionCode().startsWith(m.regionCode()))
                    .orElseThrow(() -> ProblemException.badRequest(
                    "User " + mediatorId + " is not registered as a mediator of any organisation in your area."));
        }
        return step(caller, id, StudioStep.ASSIGN, (em, d) -> {
            if (!d.regionCode().startsWith(mediator.regionCode()) && !mediator.regionCode().startsWith(d.regionCode())) {
                throw ProblemException.badRequest("Mediator " + mediator.userId() + " belongs to " + mediator.regionCode()
                        + " and cannot mediate a dispute in " + d.regionCode() + ".");
            }
            d.assign(mediator.organisationId(), mediator.userId());
            return "mediator " + mediator.userId();
        });
    }

    /** Records a session: the dispute is then in mediation. */
    public Session recordSession(Caller caller, String id, SessionInput input) {
        if (input == null || input.heldAt() == null) {
            throw ProblemException.badRequest("heldAt is required: when the session was held.");
        }
        if (input.heldAt().toInstant().isAfter(clock.now().plus(5, ChronoUnit.MINUTES))) {
            throw ProblemException.badRequest("heldAt " + input.heldAt() + " is in the future: record a session once held.");
        }
        String place = required(input.place(), "place", 200);
        String record = required(input.record(), "record", TEXT_MAX);
        List<String> attendees = input.attendees() == null ? List.of()
                : input.attendees().stream().filter(a -> a != null && !a.isBlank()).map(String::strip).toList();
        if (attendees.isEmpty() || String.join("\n", attendees).length() > 1000) {
            throw ProblemException.badRequest("attendees is required: who attended (at most 1000 characters in all).");
        }
        SessionInput clean = new SessionInput(input.heldAt(), place, attendees, record);
        Session[] session = new Session[1];
        step(caller, id, StudioStep.SESSION, (em, d) -> {
            SessionEntity entity = new SessionEntity(UUID.randomUUID().toString(), id, clean, caller.userId(), now());
            em.persist(entity);
            session[0] = entity.toSession();
            return "session at " + place;
        });
        return session[0];
    }

    /** Adds a party to a dispute still being mediated; returns the dispute with its parties masked. */
    public Dispute addParty(Caller caller, String id, PartyInput input) {
        PartyInput party = validParties(input == null ? List.of() : List.of(input)).stream().findFirst()
                .orElseThrow(() -> ProblemException.badRequest("Send the party: role, kind, name."));
        step(caller, id, StudioStep.ADD_PARTY, (em, d) -> {
            long seq = em.createQuery("select count(p) from PartyEntity p where p.disputeId = :d", Long.class)
                    .setParameter("d", id).getSingleResult();
            if (seq >= PARTIES_MAX) {
                throw ProblemException.badRequest("A dispute has at most " + PARTIES_MAX + " parties.");
            }
            em.persist(seal(id, (int) seq + 1, party));
            return party.role() + " " + party.kind() + " (identity sealed)";
        });
        return find(caller, id).orElseThrow();
    }

    /** The sessions of a dispute, oldest first. */
    public List<Session> sessions(Caller caller, String id) {
        visible(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select s from SessionEntity s where s.disputeId = :d order by s.heldAt, s.id",
                        SessionEntity.class)
                .setParameter("d", id).getResultList().stream().map(SessionEntity::toSession).toList());
    }

    // ---------------------------------------------------------------- outcomes

    /**
     * Records the agreement the parties signed (art. 29: the dispute's facts and issues come from its record);
     * the 30-day judicial-confirmation window starts on the day it took effect.
     */
    public Agreement agree(Caller caller, String id, AgreementInput input) {
        if (input == null) {
            throw ProblemException.badRequest("Send the agreement: terms, performance, effectiveOn.");
        }
        String terms = required(input.terms(), "terms (the agreed content)", TEXT_MAX);
        String performance = required(input.performance(), "performance (how and when it is performed)", 1000);
        LocalDate today = today();
        LocalDate effectiveOn = input.effectiveOn() == null ? today : input.effectiveOn();
        if (effectiveOn.isAfter(today)) {
            throw ProblemException.badRequest("effectiveOn " + effectiveOn + " is in the future: record the agreement "
                    + "once every party has signed and the committee has sealed it.");
        }
        if (input.performanceDeadline() != null && input.performanceDeadline().isBefore(effectiveOn)) {
            throw ProblemException.badRequest("performanceDeadline " + input.performanceDeadline()
                    + " is before the agreement took effect (" + effectiveOn + ").");
        }
        if (input.issues() != null && input.issues().length() > 1000) {
            throw ProblemException.badRequest("issues has " + input.issues().length() + " characters; at most 1000.");
        }
        AgreementEntity[] saved = new AgreementEntity[1];
        step(caller, id, StudioStep.AGREE, (em, d) -> {
            if (effectiveOn.isBefore(LocalDate.ofInstant(d.receivedAt().toInstant(ZoneOffset.UTC), clock.zone()))) {
                throw ProblemException.badRequest("effectiveOn " + effectiveOn + " is before the dispute was received.");
            }
            String issues = input.issues() != null && !input.issues().isBlank() ? input.issues().strip()
                    : d.issues() != null ? d.issues() : d.summary();
            saved[0] = new AgreementEntity(id, d.summary(), issues,
                    new AgreementInput(issues, terms, performance, input.performanceDeadline(), effectiveOn),
                    effectiveOn, caller.userId(), now());
            em.persist(saved[0]);
            d.close(now(), "调解达成协议");
            return "agreement effective " + effectiveOn;
        });
        return saved[0].toAgreement(today);
    }

    /** Records that mediation failed (the dispute must then be referred on) or that the parties withdrew. */
    public Dispute outcome(Caller caller, String id, OutcomeInput input) {
        if (input == null || input.outcome() == null
                || (input.outcome() != DisputeStatus.FAILED && input.outcome() != DisputeStatus.WITHDRAWN)) {
            throw ProblemException.badRequest("outcome is FAILED or WITHDRAWN (an agreement is recorded as the "
                    + "dispute's agreement, a referral as its referral).");
        }
        String note = required(input.note(), "note (why)", SUMMARY_MAX);
        StudioStep step = input.outcome() == DisputeStatus.FAILED ? StudioStep.FAIL : StudioStep.WITHDRAW;
        return step(caller, id, step, (em, d) -> {
            if (step == StudioStep.WITHDRAW) {
                d.close(now(), note);
            } else {
                d.note(note);
            }
            return note;
        });
    }

    /** Hands the dispute on (closed loop): a referral record names the body that takes it over. */
    public Referral refer(Caller caller, String id, ReferralInput input) {
        if (input == null || input.to() == null) {
            throw ProblemException.badRequest("to is required, one of " + List.of(ReferralInput.Body.values()) + ".");
        }
        String body = required(input.receivingBody(), "receivingBody (who takes it over)", 100);
        String reason = required(input.reason(), "reason", SUMMARY_MAX);
        Referral[] referral = new Referral[1];
        step(caller, id, StudioStep.REFER, (em, d) -> {
            ReferralEntity entity = new ReferralEntity(UUID.randomUUID().toString(), id,
                    new ReferralInput(input.to(), body, reason), caller.userId(), now());
            em.persist(entity);
            d.close(now(), "转交" + body + "：" + reason);
            referral[0] = entity.toReferral();
            return input.to() + " " + body;
        });
        return referral[0];
    }

    /** The referrals of a dispute. */
    public List<Referral> referrals(Caller caller, String id) {
        visible(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select r from ReferralEntity r where r.disputeId = :d order by r.referredAt",
                        ReferralEntity.class)
                .setParameter("d", id).getResultList().stream().map(ReferralEntity::toReferral).toList());
    }

    /** The agreement of a dispute, if it has one. */
    public Optional<Agreement> agreement(Caller caller, String id) {
        visible(caller, id);
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> em.find(AgreementEntity.class, id)))
                .map(a -> a.toAgreement(today()));
    }

    /**
     * Records a judicial-confirmation step: the parties applied (within the 30-day window), or the court
     * confirmed or refused.
     */
    public Agreement confirmation(Caller caller, String id, ConfirmationInput input) {
        if (input == null || input.result() == null || input.result() == ConfirmationStatus.NOT_APPLIED
                || input.result() == ConfirmationStatus.LAPSED) {
            throw ProblemException.badRequest("result is APPLIED, CONFIRMED or REFUSED.");
        }
        LocalDate today = today();
        LocalDate on = input.on() == null ? today : input.on();
        if (on.isAfter(today)) {
            throw ProblemException.badRequest("on " + on + " is in the future.");
        }
        String court = input.court() == null || input.court().isBlank() ? null : input.court().strip();
        if (court != null && court.length() > 100) {
            throw ProblemException.badRequest("court has " + court.length() + " characters; at most 100.");
        }
        String note = input.note() == null || input.note().isBlank() ? null : input.note().strip();
        if (note != null && note.length() > 1000) {
            throw ProblemException.badRequest("note has " + note.length() + " characters; at most 1000.");
        }
        AgreementEntity[] saved = new AgreementEntity[1];
        step(caller, id, StudioStep.CONFIRMATION, (em, d) -> {
            AgreementEntity a = em.find(AgreementEntity.class, id);
            ConfirmationStatus status = a.confirmationStatus();
            switch (input.result()) {
                case APPLIED -> {
                    if (status != ConfirmationStatus.NOT_APPLIED && status != ConfirmationStatus.LAPSED) {
                        throw new ProblemException(409, "Step not allowed", "Judicial confirmation is already " + status + ".");
                    }
                    if (court == null) {
                        throw ProblemException.badRequest("court is required: the court the parties applied to.");
                    }
                    if (!a.window().open(on)) {
                        throw new ProblemException(409, "Window closed", "An application on " + on + " is outside the "
                                + ConfirmationWindow.DAYS + "-day window (" + a.window().effectiveOn() + " to "
                                + a.window().deadline() + "): the court will not take it; the agreement binds as a contract.");
                    }
                }
                case CONFIRMED, REFUSED -> {
                    if (status != ConfirmationStatus.APPLIED) {
                        throw new ProblemException(409, "Step not allowed", "Record the parties' application first "
                                + "(result APPLIED); judicial confirmation is " + status + ".");
                    }
                }
                default -> throw new IllegalStateException();
            }
            a.confirmation(input.result(), court, on, note);
            saved[0] = a;
            return "judicial confirmation " + input.result() + (court == null ? "" : " (" + court + ")");
        });
        return saved[0].toAgreement(today);
    }

    /** Records a 三长会商 joint consultation: at least the court, the police station and the judicial office. */
    public Consultation consult(Caller caller, String id, ConsultationInput input) {
        if (input == null || input.heldAt() == null) {
            throw ProblemException.badRequest("heldAt is required: when the consultation was held.");
        }
        if (input.heldAt().toInstant().isAfter(clock.now().plus(5, ChronoUnit.MINUTES))) {
            throw ProblemException.badRequest("heldAt " + input.heldAt() + " is in the future.");
        }
        String place = required(input.place(), "place", 200);
        String conclusions = required(input.conclusions(), "conclusions", TEXT_MAX);
        List<ConsultationInput.Participant> participants = new ArrayList<>();
        for (ConsultationInput.Participant p : input.participants()) {
            if (p == null || p.kind() == null || p.organisation() == null || p.organisation().isBlank()
                    || p.organisation().contains("\t") || (p.person() != null && p.person().contains("\t"))) {
                throw ProblemException.badRequest("Each participant needs a kind and an organisation.");
            }
            participants.add(new ConsultationInput.Participant(p.kind(), p.organisation().strip(),
                    p.person() == null || p.person().isBlank() ? null : p.person().strip()));
        }
        EnumSet<ConsultationInput.Kind> present = EnumSet.noneOf(ConsultationInput.Kind.class);
        participants.forEach(p -> present.add(p.kind()));
        EnumSet<ConsultationInput.Kind> needed = EnumSet.of(ConsultationInput.Kind.COURT,
                ConsultationInput.Kind.POLICE_STATION, ConsultationInput.Kind.JUDICIAL_OFFICE);
        needed.removeAll(present);
        if (!needed.isEmpty()) {
            throw ProblemException.badRequest("A 三长会商 brings together the court, the police station and the "
                    + "judicial office; missing: " + needed + ".");
        }
        if (ConsultationEntity.storedLength(participants) > TEXT_MAX) {
            throw ProblemException.badRequest("The participants take more than " + TEXT_MAX + " characters.");
        }
        ConsultationInput clean = new ConsultationInput(input.heldAt(), place, participants, conclusions);
        Consultation[] consultation = new Consultation[1];
        step(caller, id, StudioStep.CONSULT, (em, d) -> {
            ConsultationEntity entity = new ConsultationEntity(UUID.randomUUID().toString(), id, clean,
                    caller.userId(), now());
            em.persist(entity);
            consultation[0] = entity.toConsultation();
            return participants.size() + " participants";
        });
        return consultation[0];
    }

    /** The joint consultations on a dispute. */
    public List<Consultation> consultations(Caller caller, String id) {
        visible(caller, id);
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select c from ConsultationEntity c where c.disputeId = :d order by c.heldAt, c.id",
                        ConsultationEntity.class)
                .setParameter("d", id).getResultList().stream().map(ConsultationEntity::toConsultation).toList());
    }

    /**
     * What the agreement document says, parties in full: recorded in the audit trail before it is handed out.
     * Only the dispute's mediator, the command centre or an administrator prints it.
     */
    public AgreementContent agreementContent(Caller caller, String id) {
        DisputeEntity d = visible(caller, id);
        if (!StudioStep.CONFIRMATION.mayTake(caller, d.mediatorId())) {
            throw new ProblemException(403, "Forbidden", "The agreement with the parties' identities is printed by the "
                    + "dispute's mediator, the command centre or an administrator of the area.");
        }
        AgreementEntity a = jpa.txExpr(TransactionType.Supports, em -> em.find(AgreementEntity.class, id));
        if (a == null) {
            throw ProblemException.notFound("Dispute " + id + " has no agreement (it is " + d.status() + ").");
        }
        List<PartyEntity> parties = parties(id);
        audit.record(AuditEntry.ok(caller.userId(), "dispute.party.read", "dispute", id, d.regionCode(),
                parties.size() + " part" + (parties.size() == 1 ? "y" : "ies") + " in full, agreement document"));
        String mediator = network.mediator(d.mediatorId()).map(Mediator::name).orElse(d.mediatorId());
        return AgreementContent.of(d.toDispute(regionName(d.regionCode()), List.of()),
                parties.stream().map(this::open).toList(), a.toAgreement(today()),
                network.organisationName(d.organisationId()), mediator);
    }

    // ---------------------------------------------------------------- the machinery of a step

    /**
     * Takes a step on a visible dispute in one transaction (with the row's optimistic version); after commit,
     * records it in the audit trail and, if the dispute concluded, posts {@value #CONCLUDED_TOPIC}.
     */
    private Dispute step(Caller caller, String id, StudioStep step,
                         BiFunction<EntityManager, DisputeEntity, String> work) {
        requireStudioRole(caller);
        DisputeEntity after;
        String detail;
        try {
            Object[] result = jpa.txExpr(TransactionType.Required, em -> {
                DisputeEntity d = em.find(DisputeEntity.class, id);
                if (d == null || !caller.reaches(d.regionCode())) {
                    throw ProblemException.notFound("No dispute with id " + id + " in your area.");
                }
                DisputeStatus to = step.check(caller, d.status(), d.mediatorId());
                String note = work.apply(em, d);
                d.status(to);
                em.flush();
                return new Object[] {d, note};
            });
            after = (DisputeEntity) result[0];
            detail = (String) result[1];
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockException.class)) {
                throw new ProblemException(409, "Conflict", "The dispute changed meanwhile; reload it and try again.");
            }
            throw e;
        }
        audit.record(AuditEntry.ok(caller.userId(), "dispute." + step.name().toLowerCase(), "dispute", id,
                after.regionCode(), detail));
        if (after.status().concluded() && (step == StudioStep.AGREE || step == StudioStep.WITHDRAW
                || step == StudioStep.REFER)) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("disputeId", id);
            properties.put("status", after.status().name());
            properties.put("actor", caller.userId());
            properties.put("regionCode", after.regionCode());
            if (after.caseId() != null) {
                properties.put("caseId", after.caseId());
            }
            events.postEvent(new Event(CONCLUDED_TOPIC, properties));
        }
        return after.toDispute(regionName(after.regionCode()), List.of());
    }

    private DisputeEntity visible(Caller caller, String id) {
        requireStudioRole(caller);
        DisputeEntity d = jpa.txExpr(TransactionType.Supports, em -> em.find(DisputeEntity.class, id));
        if (d == null || !caller.reaches(d.regionCode())) {
            throw ProblemException.notFound("No dispute with id " + id + " in your area.");
        }
        return d;
    }

    private List<PartyEntity> parties(String disputeId) {
        return jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select p from PartyEntity p where p.disputeId = :d order by p.seq", PartyEntity.class)
                .setParameter("d", disputeId).getResultList());
    }

    private PartyEntity seal(String disputeId, int seq, PartyInput p) {
        return new PartyEntity(UUID.randomUUID().toString(), disputeId, seq, p.role(), p.kind(),
                sensitive.seal(PartyEntity.NAME, p.name()),
                sensitive.seal(PartyEntity.ID_NUMBER, p.idNumber()),
                p.idNumber() == null ? null : sensitive.fingerprint("med_party.id_fingerprint", p.idNumber()),
                sensitive.seal(PartyEntity.PHONE, p.phone()),
                sensitive.seal(PartyEntity.ADDRESS, p.address()));
    }

    private PartyInput open(PartyEntity p) {
        return new PartyInput(p.role(), p.kind(), sensitive.open(PartyEntity.NAME, p.nameSealed()),
                sensitive.open(PartyEntity.ID_NUMBER, p.idNumberSealed()),
                sensitive.open(PartyEntity.PHONE, p.phoneSealed()),
                sensitive.open(PartyEntity.ADDRESS, p.addressSealed()));
    }

    /** A party as shown: a person's identity masked, an organisation's name in full. */
    static Party masked(PartyInput p) {
        boolean person = p.kind() == Party.Kind.PERSON;
        return new Party(p.role(), p.kind(), person ? Masking.name(p.name()) : p.name(),
                p.idNumber() == null ? null : Masking.idNumber(p.idNumber()),
                p.phone() == null ? null : Masking.phone(p.phone()));
    }

    static void requireStudioRole(Caller caller) {
        if (caller.roles().stream().noneMatch(STUDIO_ROLES::contains)) {
            throw new ProblemException(403, "Forbidden", "The mediation studio is open to " + STUDIO_ROLES + ".");
        }
    }

    private Region validate(DisputeIntake intake) {
        if (intake == null) {
            throw ProblemException.badRequest("Send the dispute as a JSON object with regionCode, type and summary.");
        }
        if (intake.regionCode() == null || intake.regionCode().isBlank()) {
            throw ProblemException.badRequest("regionCode is required: the county, township or village where it arose.");
        }
        Region region = regions.find(intake.regionCode().trim()).orElseThrow(() -> ProblemException.badRequest(
                "regionCode " + intake.regionCode() + " is not a region of this platform."));
        if (region.level() == RegionLevel.PROVINCE || region.level() == RegionLevel.CITY) {
            throw ProblemException.badRequest("A dispute belongs to a county, township or village/community, not to "
                    + region.name() + " (" + region.level().name().toLowerCase() + ").");
        }
        if (intake.type() == null) {
            throw ProblemException.badRequest("type is required, one of " + List.of(DisputeType.values()) + ".");
        }
        if (intake.summary() == null || intake.summary().isBlank()) {
            throw ProblemException.badRequest("summary is required: what the parties disagree about.");
        }
        if (intake.summary().length() > SUMMARY_MAX) {
            throw ProblemException.badRequest("summary has " + intake.summary().length() + " characters; at most "
                    + SUMMARY_MAX + " are kept.");
        }
        if (intake.issues() != null && intake.issues().length() > 1000) {
            throw ProblemException.badRequest("issues has " + intake.issues().length() + " characters; at most 1000.");
        }
        BigDecimal amount = intake.amountInDispute();
        if (amount != null && (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(AMOUNT_MAX) > 0)) {
            throw ProblemException.badRequest("amountInDispute is in yuan: not negative, at most two decimals, below "
                    + AMOUNT_MAX + ".");
        }
        if (intake.source() == DisputeSource.COURT) {
            if (intake.courtName() == null || intake.courtName().isBlank() || intake.courtName().strip().length() > 100) {
                throw ProblemException.badRequest("A dispute a court sent (source COURT) names the court (courtName, "
                        + "at most 100 characters).");
            }
            if (intake.courtDeadline() == null) {
                throw ProblemException.badRequest("A dispute a court sent (source COURT) has the court's deadline "
                        + "(courtDeadline, a date).");
            }
            if (intake.courtDeadline().isBefore(today())) {
                throw ProblemException.badRequest("courtDeadline " + intake.courtDeadline() + " has already passed.");
            }
        } else if (intake.courtName() != null || intake.courtDeadline() != null) {
            throw ProblemException.badRequest("courtName and courtDeadline belong to a dispute a court sent: set "
                    + "source COURT.");
        }
        return region;
    }

    /** Each party whole and valid, ID numbers checked (GB 11643 for people, GB 32100 for organisations). */
    static List<PartyInput> validParties(List<PartyInput> parties) {
        if (parties.size() > PARTIES_MAX) {
            throw ProblemException.badRequest("At most " + PARTIES_MAX + " parties, not " + parties.size() + ".");
        }
        List<PartyInput> valid = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            PartyInput p = parties.get(i);
            String which = "parties[" + i + "]";
            if (p == null || p.role() == null || p.kind() == null) {
                throw ProblemException.badRequest(which + " needs a role (" + List.of(Party.Role.values())
                        + ") and a kind (PERSON or ORGANISATION).");
            }
            if (p.name() == null || p.name().isBlank() || p.name().strip().length() > 100) {
                throw ProblemException.badRequest(which + ".name is required, at most 100 characters.");
            }
            String idNumber = null;
            if (p.idNumber() != null && !p.idNumber().isBlank()) {
                try {
                    idNumber = p.kind() == Party.Kind.PERSON ? IdNumbers.residentId(p.idNumber())
                            : IdNumbers.creditCode(p.idNumber());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest(which + ".idNumber is not valid: " + e.getMessage() + ".");
                }
            }
            String phone = null;
            if (p.phone() != null && !p.phone().isBlank()) {
                phone = p.phone().strip().replace(" ", "");
                if (!PHONE.matcher(phone).matches()) {
                    throw ProblemException.badRequest(which + ".phone is not a mainland mobile or landline number.");
                }
            }
            String address = p.address() == null || p.address().isBlank() ? null : p.address().strip();
            if (address != null && address.length() > 200) {
                throw ProblemException.badRequest(which + ".address has " + address.length() + " characters; at most 200.");
            }
            valid.add(new PartyInput(p.role(), p.kind(), p.name().strip(), idNumber, phone, address));
        }
        if (valid.size() > 1 && valid.stream().noneMatch(p -> p.role() == Party.Role.APPLICANT)) {
            throw ProblemException.badRequest("Name at least one applicant (role APPLICANT) among the parties.");
        }
        return valid;
    }

    private static DisputeIntake normalised(DisputeIntake intake) {
        return new DisputeIntake(intake.regionCode().trim(), intake.type(), intake.summary().strip(),
                intake.amountInDispute(), intake.issues() == null || intake.issues().isBlank() ? null
                : intake.issues().strip(), intake.parties(), intake.source(),
                intake.courtName() == null ? null : intake.courtName().strip(), intake.courtDeadline());
    }

    private static String required(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name + " is required.");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ProblemException.badRequest(name + " has " + v.length() + " characters; at most " + max + ".");
        }
        return v;
    }

    private String regionName(String code) {
        return regions.find(code).map(Region::name).orElse(null);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.now(), clock.zone());
    }

    static OffsetDateTime utc(LocalDateTime t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
