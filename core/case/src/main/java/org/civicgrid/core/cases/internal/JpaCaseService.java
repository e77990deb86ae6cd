package org.civicgrid.core.cases.internal;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.TypedQuery;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionSynchronizationRegistry;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.cases.CaseAction;
import org.civicgrid.core.api.cases.CaseAttachment;
import org.civicgrid.core.api.cases.CaseCategory;
import org.civicgrid.core.api.cases.CaseGuard;
import org.civicgrid.core.api.cases.CaseFigures;
import org.civicgrid.core.api.cases.CaseIntake;
import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.cases.CaseParty;
import org.civicgrid.core.api.cases.CaseQuery;
import org.civicgrid.core.api.cases.CaseRecord;
import org.civicgrid.core.api.cases.CaseService;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.CaseStep;
import org.civicgrid.core.api.cases.RegionCaseCount;
import org.civicgrid.core.api.cases.CaseTrend;
import org.civicgrid.core.api.cases.GridWorkerFigures;
import org.civicgrid.core.api.cases.UnitCaseFigures;
import org.civicgrid.core.api.cases.TransitionRequest;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.grid.Grid;
import org.civicgrid.core.api.grid.GridService;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The case loop over {@code cg_case} and {@code cg_case_step}. */
@Component(service = {CaseService.class, CaseSupervisor.class}, immediate = true,
        configurationPid = CasesConfiguration.PID)
@Designate(ocd = CasesConfiguration.class)
public class JpaCaseService implements CaseService, CaseSupervisor {

    /** The actor recorded for steps the platform takes itself. */
    static final String PLATFORM = "platform";
    private static final Set<CaseState> ESCALATABLE = EnumSet.of(CaseState.REGISTERED, CaseState.DISPATCHED,
            CaseState.IN_HANDLING, CaseState.RETURNED);
    private static final int SUPERVISION_BATCH = 500;
    /** Wall-clock look-ahead for warnings: a working-time window never spans more than this (long holidays). */
    private static final Duration WARNING_HORIZON = Duration.ofDays(14);

    static final String SCHEMA = "(" + SchemaReady.OWNER + "=org.civicgrid.core.cases)";
    static final Pattern CATEGORY = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final int LIMIT_MAX = 200;
    static final Set<CaseState> OPEN = EnumSet.complementOf(
            EnumSet.of(CaseState.CLOSED, CaseState.REJECTED, CaseState.VERIFIED));
    /**
     * The open states as a JPQL list of literals, not a parameter: PostgreSQL can then prove that a query's
     * {@code state in (…)} implies the predicate of the partial index {@code ix_cg_case_open_region_deadline}
     * (changelog cases-5, which lists the same states) even under a generic plan of a prepared statement.
     */
    static final String OPEN_STATES = OPEN.stream().map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));
    /** Open and past its deadline ({@code :now}, UTC), on {@code CaseEntity c}. */
    static final String OVERDUE = "c.deadline < :now and c.state in " + OPEN_STATES;

    private static final Logger LOG = LoggerFactory.getLogger(JpaCaseService.class);

    private final JpaTemplate jpa;
    private final RegionService regions;
    private final DirectoryService directory;
    private final EventAdmin events;
    private final List<RoutingRule> routing = new CopyOnWriteArrayList<>();
    private final Map<CaseCategory, String> categories = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<CaseGuard> guards = new CopyOnWriteArrayList<>();
    private volatile Deadlines deadlines;
    private volatile GridService grids;
    private final PlatformClock time;
    private final SensitiveData sealer;
    private final AuditTrail audit;
    private final List<CountyCalendar> counties = new CopyOnWriteArrayList<>();

    @Activate
    public JpaCaseService(@Reference(target = SCHEMA) SchemaReady schema,
                          @Reference(target = "(osgi.unit.name=civicgrid-cases)") JpaTemplate jpa,
                          @Reference RegionService regions,
                          @Reference DirectoryService directory,
                          @Reference EventAdmin events,
                          @Reference PlatformClock time,
                          @Reference SensitiveData sealer,
                          @Reference AuditTrail audit,
                          CasesConfiguration configuration) {
        this.time = time;
        this.sealer = sealer;
        this.audit = audit;
        this.jpa = jpa;
        this.regions = regions;
        this.directory = directory;
        this.events = events;
        this.deadlines = configured(configuration, null);
    }

    @Modified
    void modified(CasesConfiguration configuration) {
        deadlines = configured(configuration, deadlines);
    }

    /** A mistake in the configuration file is reported and leaves the last good settings in force. */
    private static Deadlines configured(CasesConfiguration configuration, Deadlines previous) {
        try {
            Deadlines configured = Deadlines.of(configuration);
            LOG.info("Case calendar and deadlines configured: office hours {}, handle within {} working hours",
                    configuration.officeHours(), configuration.handleHours());
            return configured;
        } catch (RuntimeException e) {
            LOG.error("etc/{}.cfg is not valid, {}: {}", CasesConfiguration.PID,
                    previous == null ? "using the built-in defaults" : "keeping the previous settings", e.getMessage());
            return previous != null ? previous : Deadlines.defaults();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCounty(CountyCalendar county) {
        counties.add(county);
    }

    void removeCounty(CountyCalendar county) {
        counties.remove(county);
    }

    /** The calendar and deadlines for a case in a region: its county's (or township's) own, else the platform's. */
    Deadlines deadlinesFor(String regionCode) {
        CountyCalendar best = null;
        for (CountyCalendar county : counties) {
            if (regionCode.startsWith(county.region())
                    && (best == null || county.region().length() > best.region().length())) {
                best = county;
            }
        }
        return best != null ? best.deadlines() : deadlines;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRoutingRule(RoutingRule rule) {
        routing.add(rule);
    }

    void removeRoutingRule(RoutingRule rule) {
        routing.remove(rule);
    }

    /** The transaction manager's registry, to hold back announcements until a caller's own transaction commits. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TransactionSynchronizationRegistry transactions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setGrids(GridService grids) {
        this.grids = grids;
    }

    void unsetGrids(GridService grids) {
        if (this.grids == grids) {
            this.grids = null;
        }
    }

    /** The grid of the reported spot (point first, then address), if it lies in the case's region. */
    private String gridOf(Caller caller, CaseIntake intake, String regionCode) {
        GridService locator = grids;
        if (locator == null) {
            return null;
        }
        // The index alone places the report: the case keeps only the grid's code.
        Optional<String> grid = Optional.empty();
        if (intake.longitude() != null) {
            grid = locator.codeAt(caller, intake.longitude(), intake.latitude());
        }
        if (grid.isEmpty() && intake.address() != null && !intake.address().isBlank()) {
            grid = locator.codeOf(caller, intake.address());
        }
        return grid.filter(code -> code.startsWith(regionCode)).orElse(null);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCategory(CaseCategory category) {
        categories.put(category, category.code());
    }

    void removeCategory(CaseCategory category) {
        categories.remove(category);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addGuard(CaseGuard guard) {
        guards.add(guard);
    }

    void removeGuard(CaseGuard guard) {
        guards.remove(guard);
    }

    /** The categories cases can be reported under now, by code. */
    List<CaseCategory> categories() {
        return categories.keySet().stream().sorted(Comparator.comparing(CaseCategory::code)).toList();
    }

    private Optional<CaseCategory> category(String code) {
        return categories.keySet().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /**
     * The security and audit administrators (三权分立): their duties are accounts and the audit trail, and they take
     * no part in cases, not even by reporting one (a holder of another role besides may, as that role).
     */
    static final Set<Role> OUTSIDE_CASES = EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

    @Override
    public CaseRecord report(Caller caller, CaseIntake intake) {
        if (caller.roles().stream().allMatch(OUTSIDE_CASES::contains)) {
            throw new ProblemException(403, "Forbidden", "Security and audit administrators do not report cases: "
                    + "their duties are accounts and the audit trail.");
        }
        Region region = validate(caller, intake);
        CaseLevel level = switch (region.level()) {
            case VILLAGE -> CaseLevel.VILLAGE;
            case TOWNSHIP -> CaseLevel.TOWNSHIP;
            case COUNTY -> CaseLevel.COUNTY;
            case CITY -> CaseLevel.CITY;
            case PROVINCE -> throw ProblemException.badRequest("A case belongs to a city or below, not a province.");
        };
        Instant now = time.now();
        LocalDateTime nowUtc = utc(now);
        String id = UUID.randomUUID().toString();
        CaseEntity entity = new CaseEntity(id, intake, level, gridOf(caller, intake, region.code()), caller.userId(),
                nowUtc, utc(deadlinesFor(region.code()).register(now)));
        List<PartyEntity> parties = new ArrayList<>();
        for (CaseParty party : intake.parties()) {
            parties.add(new PartyEntity(UUID.randomUUID().toString(), id, parties.size() + 1, party, sealer));
        }
        CaseStepEntity step = new CaseStepEntity(UUID.randomUUID().toString(), id, 1, nowUtc, caller.userId(), null,
                null, CaseState.REPORTED, "Reported through " + intake.channel(), null);
        CaseRecord record = entity.toRecord(nowUtc, parties.stream().map(p -> p.masked(sealer)).toList());
        jpa.tx(TransactionType.Required, em -> {
            em.persist(entity);
            em.flush();
            parties.forEach(em::persist);
            em.persist(step);
            audited("REPORTED", record, null, caller.userId());
        });
        publish("REPORTED", record, null, caller.userId());
        LOG.info("Case {} ({}) reported by {} in {}", id, intake.category(), caller.userId(), region.code());
        return record;
    }

    @Override
    public CaseRecord transition(Caller caller, String caseId, TransitionRequest request) {
        if (request != null && request.action() == CaseAction.ATTACH) {
            throw ProblemException.badRequest("Attach a file by uploading it to the case's attachments.");
        }
        Instant now = time.now();
        LocalDateTime nowUtc = utc(now);
        CaseState[] from = new CaseState[1];
        CaseRecord record;
        try {
            record = jpa.txExpr(TransactionType.Required, em -> {
                CaseEntity c = visible(em, caller, caseId);
                CaseWorkflow.Facts facts = new CaseWorkflow.Facts(c.state(), c.level(), c.regionCode(), c.reporterId(),
                        c.unitId(), c.rating());
                CaseState to = CaseWorkflow.check(caller, facts, request);
                for (CaseGuard guard : guards) {
                    guard.check(caller, record(em, c, nowUtc), request);
                }
                from[0] = c.state();
                String note = request.note() == null ? null : request.note().strip();
                CaseRouting.Route route = apply(em, caller, c, request, now);
                String unit = route == null ? null : route.unitId();
                if (request.action() == CaseAction.RATE) {
                    note = "rating " + request.rating() + (note == null || note.isEmpty() ? "" : ": " + note);
                }
                if (route != null && route.reason() != null) {
                    LOG.info("Case {} {}", caseId, route.reason());
                    String explained = note == null || note.isEmpty() ? route.reason()
                            : note + " (" + route.reason() + ")";
                    // The dispatcher's own words are kept whole; the reason goes into the log if both do not fit.
                    note = explained.length() <= CaseWorkflow.NOTE_MAX ? explained : note;
                }
                c.state(to);
                c.updatedAt(nowUtc);
                long steps = em.createQuery("select count(s) from CaseStepEntity s where s.caseId = :id", Long.class)
                        .setParameter("id", caseId).getSingleResult();
                em.persist(new CaseStepEntity(UUID.randomUUID().toString(), caseId, (int) steps + 1, nowUtc,
                        caller.userId(), request.action(), from[0], to, note, unit));
                em.flush();
                CaseRecord after = record(em, c, nowUtc);
                audited(request.action().name(), after, from[0], caller.userId());
                return after;
            });
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockException.class)) {
                throw new ProblemException(409, "Conflict", "The case changed while this step was taken; reload it and try again.");
            }
            throw e;
        }
        publish(request.action().name(), record, from[0], caller.userId());
        return record;
    }

    /** Applies what a step does besides changing the state; returns where it was dispatched to, if anywhere. */
    private CaseRouting.Route apply(EntityManager em, Caller caller, CaseEntity c, TransitionRequest request, Instant now) {
        Deadlines d = deadlinesFor(c.regionCode());
        switch (request.action()) {
            case REGISTER, REOPEN -> {
                c.unitId(null);
                c.deadline(utc(d.register(now)));
            }
            case ESCALATE -> {
                c.level(c.level().up());
                c.unitId(null);
                c.deadline(utc(d.register(now)));
            }
            case DISPATCH, REDISPATCH -> {
                CaseRouting.Route route = chooseUnit(caller, c, request.unitId());
                c.unitId(route.unitId());
                c.deadline(utc(d.handle(now, c.category(), c.level(), categoryHours(c.category()))));
                return route;
            }
            case RETURN -> c.deadline(utc(d.register(now)));
            case REQUEST_EXTENSION -> c.requestedHours(request.extensionHours());
            case GRANT_EXTENSION -> {
                int hours = request.extensionHours() != null ? request.extensionHours() : c.requestedHours();
                Instant base = c.deadline() == null ? now : c.deadline().toInstant(ZoneOffset.UTC);
                c.deadline(utc(d.calendar().plus(base.isAfter(now) ? base : now, Duration.ofHours(hours))));
                c.requestedHours(null);
            }
            case DENY_EXTENSION -> c.requestedHours(null);
            case HANDLE -> c.deadline(utc(d.verify(now)));
            case SEND_BACK -> c.deadline(utc(d.handle(now, c.category(), c.level(), categoryHours(c.category()))));
            case VERIFY, CLOSE, REJECT -> c.deadline(null);
            case SUPERVISE, WARN, ATTACH -> throw new IllegalStateException(request.action() + " is not a transition");
            case RATE -> c.rating(request.rating());
            case ACCEPT -> {
            }
        }
        return null;
    }

    private int categoryHours(String code) {
        return category(code).map(CaseCategory::handleHours).orElse(0);
    }

    private CaseRouting.Route chooseUnit(Caller caller, CaseEntity c, String named) {
        CaseRouting.Route route;
        if (named != null && !named.isBlank()) {
            route = new CaseRouting.Route(named.trim(), null);
        } else {
            route = CaseRouting.choose(c.category(), c.regionCode(), c.level(), routing,
                            category(c.category()).flatMap(CaseCategory::handledBy),
                            () -> directory.units(caller, caller.regionCode()))
                    .orElseThrow(() -> ProblemException.badRequest("No routing rule sends category " + c.category()
                            + " in region " + c.regionCode() + " anywhere, and no command centre serves it: name the "
                            + "unit (unitId), add a rule in etc/" + RoutingRule.PID + "-<name>.cfg, or create the "
                            + "command centre's unit (kind COMMAND_CENTRE)."));
        }
        if (directory.unit(caller, route.unitId()).isEmpty()) {
            throw ProblemException.badRequest("Unit " + route.unitId() + " does not exist within your area.");
        }
        return route;
    }

    @Override
    public CaseAttachment attach(Caller caller, String caseId, String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.strip();
        if (name.isEmpty() || name.length() > 200 || name.contains("/") || name.contains("\\")) {
            throw ProblemException.badRequest("Name the file (?name=…), at most 200 characters and no path.");
        }
        if (content == null || content.length == 0) {
            throw ProblemException.badRequest("The file is empty.");
        }
        int max = deadlines.attachmentMaxBytes();
        if (content.length > max) {
            throw new ProblemException(413, "Payload too large",
                    "The file has " + content.length + " bytes; at most " + max + " are accepted.");
        }
        String type = AttachmentTypes.detect(content).orElseThrow(() -> new ProblemException(415,
                "Unsupported media type", "Attach " + AttachmentTypes.ACCEPTED + " files; this one is none of them."));
        Instant now = time.now();
        LocalDateTime nowUtc = utc(now);
        CaseAttachment info = new CaseAttachment(UUID.randomUUID().toString(), caseId, name, type, content.length,
                sha256(content), caller.userId(), now.atOffset(ZoneOffset.UTC));
        CaseRecord record = jpa.txExpr(TransactionType.Required, em -> {
            CaseEntity c = visible(em, caller, caseId);
            CaseWorkflow.check(caller, new CaseWorkflow.Facts(c.state(), c.level(), c.regionCode(), c.reporterId(),
                    c.unitId(), c.rating()), new TransitionRequest(CaseAction.ATTACH, null, null, null, null));
            em.persist(new AttachmentEntity(info, content));
            c.updatedAt(nowUtc);
            step(em, c, nowUtc, caller.userId(), CaseAction.ATTACH, c.state(), c.state(),
                    name + " (" + type + ", " + content.length + " bytes)", null);
            CaseRecord after = record(em, c, nowUtc);
            audited(CaseAction.ATTACH.name(), after, after.state(), caller.userId());
            return after;
        });
        publish(CaseAction.ATTACH.name(), record, record.state(), caller.userId());
        return info;
    }

    @Override
    public List<CaseAttachment> attachments(Caller caller, String caseId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            visible(em, caller, caseId);
            return em.createQuery("select " + AttachmentEntity.COLUMNS + " from AttachmentEntity a "
                            + "where a.caseId = :id order by a.uploadedAt, a.id", Object[].class)
                    .setParameter("id", caseId).getResultList().stream().map(AttachmentEntity::fromColumns).toList();
        });
    }

    @Override
    public Optional<byte[]> attachmentContent(Caller caller, String caseId, String attachmentId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            visible(em, caller, caseId);
            AttachmentEntity a = em.find(AttachmentEntity.class, attachmentId);
            return Optional.ofNullable(a).filter(x -> x.caseId().equals(caseId)).map(AttachmentEntity::content);
        });
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Round supervise() {
        Instant now = time.now();
        LocalDateTime nowUtc = utc(now);
        List<String> open = OPEN.stream().map(Enum::name).toList();
        // Overdue cases not yet flagged, and flagged ones that may still be escalated; each batch makes progress.
        List<String> overdue = jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select c.id from CaseEntity c where c.deadline < :now and c.state in :open "
                        + "and (c.supervisedAt is null or (c.state in :escalatable and c.level <> :top)) "
                        + "order by c.deadline", String.class)
                .setParameter("now", nowUtc)
                .setParameter("open", open)
                .setParameter("escalatable", ESCALATABLE.stream().map(Enum::name).toList())
                .setParameter("top", CaseLevel.CITY.name())
                .setMaxResults(SUPERVISION_BATCH)
                .getResultList());
        // Cases due within the warning horizon and not yet warned; working time decides which are due soon.
        List<String> dueSoon = jpa.txExpr(TransactionType.Supports, em -> em
                .createQuery("select c.id from CaseEntity c where c.deadline >= :now and c.deadline < :horizon "
                        + "and c.state in :open and c.warnedAt is null order by c.deadline", String.class)
                .setParameter("now", nowUtc)
                .setParameter("horizon", nowUtc.plus(WARNING_HORIZON))
                .setParameter("open", open)
                .setMaxResults(SUPERVISION_BATCH)
                .getResultList());
        int flagged = 0;
        int escalated = 0;
        int warned = 0;
        for (String id : overdue) {
            Supervised outcome = once(() -> jpa.txExpr(TransactionType.Required, em -> audited(superviseOne(em, id, now, nowUtc))));
            if (outcome != null) {
                publish(outcome.action().name(), outcome.record(), outcome.from(), PLATFORM);
                if (outcome.action() == CaseAction.ESCALATE) {
                    escalated++;
                } else {
                    flagged++;
                }
            }
        }
        for (String id : dueSoon) {
            Supervised outcome = once(() -> jpa.txExpr(TransactionType.Required, em -> audited(warnOne(em, id, now, nowUtc))));
            if (outcome != null) {
                publish(outcome.action().name(), outcome.record(), outcome.from(), PLATFORM);
                warned++;
            }
        }
        return new Round(flagged, escalated, warned);
    }

    /**
     * Runs one case's supervision; if someone took a step on the case meanwhile (or another node supervised it),
     * nothing is done and the next round looks again.
     */
    private static Supervised once(java.util.function.Supplier<Supervised> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (!causedBy(e, OptimisticLockException.class)) {
                throw e;
            }
            return null;
        }
    }

    private record Supervised(CaseAction action, CaseState from, CaseRecord record) {
    }

    /** Supervision's step in the audit trail, in the step's transaction; {@code null} (nothing done) passes. */
    private Supervised audited(Supervised outcome) {
        if (outcome != null) {
            audited(outcome.action().name(), outcome.record(), outcome.from(), PLATFORM);
        }
        return outcome;
    }

    private Supervised superviseOne(EntityManager em, String id, Instant now, LocalDateTime nowUtc) {
        CaseEntity c = em.find(CaseEntity.class, id);
        if (c == null || c.deadline() == null || !c.deadline().isBefore(nowUtc) || !OPEN.contains(c.state())) {
            return null;
        }
        Deadlines d = deadlinesFor(c.regionCode());
        CaseState state = c.state();
        Instant deadline = c.deadline().toInstant(ZoneOffset.UTC);
        long overdueMinutes = d.calendar().between(deadline, now).toMinutes();
        Duration escalateAfter = d.escalateAfterOverdue();
        if (escalateAfter != null && overdueMinutes >= escalateAfter.toMinutes() && ESCALATABLE.contains(state)
                && c.level().up() != null) {
            c.level(c.level().up());
            c.unitId(null);
            c.deadline(utc(d.register(now)));
            c.state(CaseState.REGISTERED);
            c.updatedAt(nowUtc);
            step(em, c, nowUtc, CaseAction.ESCALATE, state, CaseState.REGISTERED,
                    "Overdue since " + deadline + ": escalated to " + c.level() + " by supervision", null);
            return new Supervised(CaseAction.ESCALATE, state, record(em, c, nowUtc));
        }
        if (c.supervisedAt() != null) {
            return null;
        }
        c.supervisedAt(nowUtc);
        c.updatedAt(nowUtc);
        step(em, c, nowUtc, CaseAction.SUPERVISE, state, state, "Overdue since " + deadline, null);
        return new Supervised(CaseAction.SUPERVISE, state, record(em, c, nowUtc));
    }

    private Supervised warnOne(EntityManager em, String id, Instant now, LocalDateTime nowUtc) {
        CaseEntity c = em.find(CaseEntity.class, id);
        if (c == null || c.deadline() == null || c.deadline().isBefore(nowUtc) || !OPEN.contains(c.state())
                || c.warnedAt() != null) {
            return null;
        }
        Deadlines d = deadlinesFor(c.regionCode());
        Instant deadline = c.deadline().toInstant(ZoneOffset.UTC);
        if (d.warnBefore() == null || d.calendar().between(now, deadline).compareTo(d.warnBefore()) > 0) {
            return null;
        }
        c.warnedAt(nowUtc);
        step(em, c, nowUtc, CaseAction.WARN, c.state(), c.state(), "Due at " + deadline + " ("
                + d.calendar().between(now, deadline).toMinutes() + " working minutes left)", null);
        return new Supervised(CaseAction.WARN, c.state(), record(em, c, nowUtc));
    }

    private static void step(EntityManager em, CaseEntity c, LocalDateTime at, CaseAction action, CaseState from,
                             CaseState to, String note, String unit) {
        step(em, c, at, PLATFORM, action, from, to, note, unit);
    }

    private static void step(EntityManager em, CaseEntity c, LocalDateTime at, String actor, CaseAction action,
                             CaseState from, CaseState to, String note, String unit) {
        long steps = em.createQuery("select count(s) from CaseStepEntity s where s.caseId = :id", Long.class)
                .setParameter("id", c.id()).getSingleResult();
        em.persist(new CaseStepEntity(UUID.randomUUID().toString(), c.id(), (int) steps + 1, at, actor, action,
                from, to, note, unit));
        em.flush();
    }

    @Override
    public Optional<CaseRecord> find(Caller caller, String caseId) {
        LocalDateTime now = utc(time.now());
        return Optional.ofNullable(jpa.txExpr(TransactionType.Supports, em -> {
            CaseEntity c = caseId == null ? null : em.find(CaseEntity.class, caseId);
            return c == null || !mayRead(caller, c) ? null : record(em, c, now);
        }));
    }

    /** The case as callers see it, with its parties masked. */
    private CaseRecord record(EntityManager em, CaseEntity c, LocalDateTime now) {
        return records(em, List.of(c), now).get(0);
    }

    private List<CaseRecord> records(EntityManager em, List<CaseEntity> cases, LocalDateTime now) {
        if (cases.isEmpty()) {
            return List.of();
        }
        Map<String, List<org.civicgrid.core.api.cases.CaseParty>> parties = new HashMap<>();
        em.createQuery("select p from PartyEntity p where p.caseId in :ids order by p.caseId, p.seq", PartyEntity.class)
                .setParameter("ids", cases.stream().map(CaseEntity::id).toList())
                .getResultList()
                .forEach(p -> parties.computeIfAbsent(p.caseId(), k -> new ArrayList<>()).add(p.masked(sealer)));
        return cases.stream().map(c -> c.toRecord(now, parties.getOrDefault(c.id(), List.of()))).toList();
    }

    /** Who may see a case's parties in full: the people who contact them. */
    static final Set<org.civicgrid.core.api.directory.Role> MAY_REVEAL = EnumSet.of(
            org.civicgrid.core.api.directory.Role.COMMAND_OPERATOR, org.civicgrid.core.api.directory.Role.GRID_WORKER,
            org.civicgrid.core.api.directory.Role.GRID_LEADER, org.civicgrid.core.api.directory.Role.MEDIATOR);

    @Override
    public List<CaseParty> revealParties(Caller caller, String caseId, String purpose) {
        String why = purpose == null ? "" : purpose.strip();
        if (why.length() < 5 || why.length() > 200) {
            throw ProblemException.badRequest("State the purpose of seeing the parties in full (purpose, 5 to 200 characters).");
        }
        String[] region = new String[1];
        List<CaseParty> parties = jpa.txExpr(TransactionType.Supports, em -> {
            CaseEntity c = visible(em, caller, caseId);
            region[0] = c.regionCode();
            boolean assignedUnit = caller.has(org.civicgrid.core.api.directory.Role.DEPARTMENT_HANDLER)
                    && c.unitId() != null && c.unitId().equals(caller.unitId());
            if (!assignedUnit && caller.roles().stream().noneMatch(MAY_REVEAL::contains)) {
                return null;
            }
            return em.createQuery("select p from PartyEntity p where p.caseId = :id order by p.seq", PartyEntity.class)
                    .setParameter("id", caseId).getResultList().stream().map(p -> p.revealed(sealer)).toList();
        });
        if (parties == null) {
            audit.record(new AuditEntry(caller.userId(), "case.parties.reveal", "case", caseId, region[0], "refused",
                    "purpose: " + why));
            throw new ProblemException(403, "Forbidden", "Parties are shown in full only to the command centre, "
                    + "the unit the case is dispatched to, grid staff and mediators of its area.");
        }
        // Recorded before the names leave the platform: if it cannot be recorded, they do not leave.
        audit.record(AuditEntry.ok(caller.userId(), "case.parties.reveal", "case", caseId, region[0],
                parties.size() + " parties; purpose: " + why));
        return parties;
    }

    @Override
    public List<CaseStep> history(Caller caller, String caseId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            visible(em, caller, caseId);
            return em.createQuery("select s from CaseStepEntity s where s.caseId = :id order by s.seq", CaseStepEntity.class)
                    .setParameter("id", caseId).getResultList().stream().map(CaseStepEntity::toStep).toList();
        });
    }

    @Override
    public List<org.civicgrid.core.api.cases.AvailableStep> availableSteps(Caller caller, String caseId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            CaseEntity c = visible(em, caller, caseId);
            return CaseWorkflow.available(caller, new CaseWorkflow.Facts(c.state(), c.level(), c.regionCode(),
                    c.reporterId(), c.unitId(), c.rating()));
        });
    }

    @Override
    public List<CaseRecord> search(Caller caller, CaseQuery query) {
        String region = query.regionCode() == null || query.regionCode().isBlank() ? caller.regionCode() : query.regionCode().trim();
        if (!caller.reaches(region)) {
            throw new ProblemException(403, "Forbidden", "Region " + region + " is outside your area.");
        }
        int limit = query.limit() <= 0 ? 50 : query.limit();
        if (limit > LIMIT_MAX || query.offset() < 0) {
            throw ProblemException.badRequest("limit is 1 to " + LIMIT_MAX + " and offset not negative.");
        }
        LocalDateTime now = utc(time.now());
        RegionRange subtree = RegionRange.of(region);
        StringBuilder jpql = new StringBuilder("select c from CaseEntity c where " + RegionRange.JPQL);
        Map<String, Object> parameters = new HashMap<>();
        if (!isStaff(caller)) {
            jpql.append(" and c.reporterId = :me");
            parameters.put("me", caller.userId());
        }
        if (query.state() != null) {
            jpql.append(" and c.state = :state");
            parameters.put("state", query.state().name());
        }
        if (query.category() != null && !query.category().isBlank()) {
            jpql.append(" and c.category = :category");
            parameters.put("category", query.category().trim());
        }
        if (query.unitId() != null && !query.unitId().isBlank()) {
            jpql.append(" and c.unitId = :unit");
            parameters.put("unit", query.unitId().trim());
        }
        if (query.overdueOnly()) {
            jpql.append(" and ").append(OVERDUE);
            parameters.put("now", now);
        }
        if (query.reportedFrom() != null && query.reportedTo() != null
                && !query.reportedFrom().isBefore(query.reportedTo())) {
            throw ProblemException.badRequest("from must be before to.");
        }
        if (query.reportedFrom() != null) {
            jpql.append(" and c.reportedAt >= :from");
            parameters.put("from", utc(query.reportedFrom().toInstant()));
        }
        if (query.reportedTo() != null) {
            jpql.append(" and c.reportedAt < :to");
            parameters.put("to", utc(query.reportedTo().toInstant()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            jpql.append(" and (lower(c.title) like :text or lower(c.description) like :text)");
            parameters.put("text", "%" + query.text().trim().toLowerCase() + "%");
        }
        if (query.waitingOnCaller()) {
            jpql.append(" and (").append(toDoCondition(caller, parameters)).append(')');
        }
        // The overdue list shows the most overdue first; with the subtree as a range this is also the order of
        // ix_cg_case_open_region_deadline within each region, so PostgreSQL reads only the open overdue cases.
        jpql.append(" order by ").append(order(query));
        if (subtree.isEmpty()) {
            return List.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<CaseEntity> q = subtree.bind(em.createQuery(jpql.toString(), CaseEntity.class));
            parameters.forEach(q::setParameter);
            return records(em, q.setFirstResult(query.offset()).setMaxResults(limit).getResultList(), now);
        });
    }

    @Override
    public List<RegionCaseCount> figuresByRegion(Caller caller, String regionCode) {
        String region = figuresRegion(caller, regionCode);
        RegionRange subtree = RegionRange.of(region);
        if (subtree.isEmpty()) {
            return List.of();
        }
        // The children's code length, as a literal: a bound parameter in both SELECT and GROUP BY would be two
        // parameters to PostgreSQL, which then refuses the grouping.
        int child = childCodeLength(region.length());
        String key = "substring(c.regionCode, 1, " + child + ")";
        LocalDateTime now = utc(time.now());
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, long[]> counts = new java.util.TreeMap<>();
            for (Object[] row : subtree.bind(em.createQuery("select " + key + ", c.state, count(c.state) from "
                    + "CaseEntity c where " + RegionRange.JPQL + " group by " + key + ", c.state", Object[].class))
                    .getResultList()) {
                long[] n = counts.computeIfAbsent((String) row[0], k -> new long[4]);
                long cases = ((Number) row[2]).longValue();
                CaseState state = CaseState.valueOf((String) row[1]);
                n[0] += cases;
                if (OPEN.contains(state)) {
                    n[1] += cases;
                }
                if (state == CaseState.CLOSED) {
                    n[3] += cases;
                }
            }
            for (Object[] row : subtree.bind(em.createQuery("select " + key + ", count(c.deadline) from CaseEntity c "
                    + "where " + RegionRange.JPQL + " and " + OVERDUE + " group by " + key, Object[].class))
                    .setParameter("now", now).getResultList()) {
                counts.computeIfAbsent((String) row[0], k -> new long[4])[2] = ((Number) row[1]).longValue();
            }
            return counts.entrySet().stream().map(e -> new RegionCaseCount(e.getKey(), e.getValue()[0],
                    e.getValue()[1], e.getValue()[2], e.getValue()[3])).toList();
        });
    }

    @Override
    public List<UnitCaseFigures> figuresByUnit(Caller caller, String regionCode) {
        String region = figuresRegion(caller, regionCode);
        RegionRange subtree = RegionRange.of(region);
        if (subtree.isEmpty()) {
            return List.of();
        }
        LocalDateTime now = utc(time.now());
        Map<String, DashboardFigures.Tally> units = jpa.txExpr(TransactionType.Supports,
                em -> DashboardFigures.tallies(em, subtree, "c.unitId", now));
        Map<String, String> names = names(() -> directory.units(caller, caller.regionCode()).stream()
                .collect(Collectors.toMap(org.civicgrid.core.api.directory.Unit::id,
                        org.civicgrid.core.api.directory.Unit::name)));
        return units.entrySet().stream().map(e -> e.getValue().unit(e.getKey(), names.get(e.getKey()))).toList();
    }

    @Override
    public List<GridWorkerFigures> figuresByGridWorker(Caller caller, String regionCode) {
        String region = figuresRegion(caller, regionCode);
        RegionRange subtree = RegionRange.of(region);
        GridService gridService = grids;
        if (subtree.isEmpty() || gridService == null) {
            return List.of();
        }
        // The staff of the region's grids: a worker of several grids is counted over all of them.
        Map<String, List<String>> gridsOf = new java.util.TreeMap<>();
        for (Grid grid : gridService.within(caller, region)) {
            for (String worker : grid.workers()) {
                gridsOf.computeIfAbsent(worker, k -> new ArrayList<>()).add(grid.code());
            }
            if (grid.leader() != null && !grid.workers().contains(grid.leader())) {
                gridsOf.computeIfAbsent(grid.leader(), k -> new ArrayList<>()).add(grid.code());
            }
        }
        if (gridsOf.isEmpty()) {
            return List.of();
        }
        LocalDateTime now = utc(time.now());
        record Counts(Map<String, DashboardFigures.Tally> byGrid, Map<String, Long> reported,
                      Map<String, Long> verified) {
        }
        Counts counts = jpa.txExpr(TransactionType.Supports, em -> new Counts(
                DashboardFigures.tallies(em, subtree, "c.gridCode", now),
                DashboardFigures.reportedBy(em, subtree, gridsOf.keySet()),
                DashboardFigures.verifiedBy(em, subtree, gridsOf.keySet())));
        Map<String, String> names = names(() -> directory.users(caller, caller.regionCode()).stream()
                .collect(Collectors.toMap(org.civicgrid.core.api.directory.User::id,
                        org.civicgrid.core.api.directory.User::name)));
        List<GridWorkerFigures> figures = new ArrayList<>();
        gridsOf.forEach((worker, codes) -> {
            DashboardFigures.Tally inGrids = new DashboardFigures.Tally();
            codes.forEach(code -> {
                DashboardFigures.Tally grid = counts.byGrid().get(code);
                if (grid != null) {
                    inGrids.add(grid);
                }
            });
            figures.add(new GridWorkerFigures(worker, names.get(worker), codes,
                    counts.reported().getOrDefault(worker, 0L), inGrids.total,
                    counts.verified().getOrDefault(worker, 0L), inGrids.closed, inGrids.overdue,
                    inGrids.closedOnTime(), inGrids.onTimeRate(), inGrids.averageRating()));
        });
        return figures;
    }

    /** Names from the directory for the figures; the figures do not depend on them, so a refusal leaves them out. */
    private static Map<String, String> names(java.util.function.Supplier<Map<String, String>> lookup) {
        try {
            return lookup.get();
        } catch (ProblemException e) {
            LOG.debug("Names left out of the figures: {}", e.getMessage());
            return Map.of();
        }
    }

    @Override
    public CaseTrend trend(Caller caller, String regionCode, LocalDate from, LocalDate to) {
        String region = figuresRegion(caller, regionCode);
        ZoneId zone = deadlinesFor(region).calendar().zone();
        LocalDate last = to != null ? to : LocalDate.ofInstant(time.now(), zone);
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("from (" + first + ") is after to (" + last + ").");
        }
        long days = java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
        if (days > CaseTrend.MAX_DAYS) {
            throw ProblemException.badRequest("A trend covers at most " + CaseTrend.MAX_DAYS + " days; " + first
                    + " to " + last + " is " + days + " days.");
        }
        CaseTrend.Interval interval = days > CaseTrend.DAILY_MAX_DAYS ? CaseTrend.Interval.WEEK : CaseTrend.Interval.DAY;
        int length = interval == CaseTrend.Interval.WEEK ? 7 : 1;
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(length)) {
            starts.add(day);
        }
        List<LocalDateTime> bounds = new ArrayList<>();
        starts.forEach(day -> bounds.add(utc(day.atStartOfDay(zone).toInstant())));
        bounds.add(utc(last.plusDays(1).atStartOfDay(zone).toInstant()));
        RegionRange subtree = RegionRange.of(region);
        long[][] counts = subtree.isEmpty() ? new long[3][starts.size()] : jpa.txExpr(TransactionType.Supports,
                em -> new long[][] {DashboardFigures.reported(em, subtree, bounds),
                        DashboardFigures.closed(em, subtree, bounds, false),
                        DashboardFigures.closed(em, subtree, bounds, true)});
        List<CaseTrend.Point> points = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate end = starts.get(i).plusDays(length - 1L);
            long closed = counts[1][i];
            points.add(new CaseTrend.Point(starts.get(i), end.isAfter(last) ? last : end, counts[0][i], closed,
                    counts[2][i], closed == 0 ? null : (double) counts[2][i] / closed));
        }
        return new CaseTrend(region, first, last, interval, points);
    }

    /** The length of the codes one level below a code of this length: 省 2, 市 4, 县 6, 乡镇 9, 村 12. */
    static int childCodeLength(int length) {
        if (length < 2) {
            return 2;
        }
        if (length < 4) {
            return 4;
        }
        if (length < 6) {
            return 6;
        }
        return length < 9 ? 9 : 12;
    }

    private String figuresRegion(Caller caller, String regionCode) {
        if (!isStaff(caller)) {
            throw new ProblemException(403, "Forbidden", "Case figures are for the staff who work on cases.");
        }
        String region = regionCode == null || regionCode.isBlank() ? caller.regionCode() : regionCode.trim();
        if (!caller.reaches(region)) {
            throw new ProblemException(403, "Forbidden", "Region " + region + " is outside your area.");
        }
        return region;
    }

    /** The sort orders a search takes, by their names in {@link CaseQuery#sort()}. */
    private static final Map<String, String> ORDERS = Map.of(
            "updated", "c.updatedAt, c.id", "-updated", "c.updatedAt desc, c.id",
            "reported", "c.reportedAt, c.id", "-reported", "c.reportedAt desc, c.id",
            // EclipseLink's NULLS LAST: H2 and PostgreSQL would otherwise put the cases without a deadline
            // (closed, rejected) at opposite ends.
            "deadline", "c.deadline nulls last, c.id", "-deadline", "c.deadline desc nulls last, c.id");

    private static String order(CaseQuery query) {
        String sort = query.sort() == null || query.sort().isBlank() ? null : query.sort().trim();
        if (sort == null) {
            return query.overdueOnly() ? "c.deadline, c.id" : ORDERS.get("-updated");
        }
        String order = ORDERS.get(sort);
        if (order == null) {
            throw ProblemException.badRequest("sort is one of updated, reported, deadline, each with a leading - "
                    + "for the newest or latest first; not " + sort + ".");
        }
        return order;
    }

    /**
     * The condition for the caller's to-do list, from the workflow's rule table: the states in which a case
     * waits on each kind of actor the caller is; anyone is the verifier of the cases they reported.
     */
    private static String toDoCondition(Caller caller, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (caller.has(Role.COMMAND_OPERATOR)) {
            conditions.add("c.state in " + literals(CaseWorkflow.waitingOn(CaseWorkflow.Actor.COMMAND_CENTRE)));
        }
        if (caller.has(Role.DEPARTMENT_HANDLER) && caller.unitId() != null) {
            conditions.add("(c.state in " + literals(CaseWorkflow.waitingOn(CaseWorkflow.Actor.ASSIGNED_UNIT))
                    + " and c.unitId = :myUnit)");
            parameters.put("myUnit", caller.unitId());
        }
        String verify = "c.state in " + literals(CaseWorkflow.waitingOn(CaseWorkflow.Actor.VERIFIER));
        if (caller.has(Role.GRID_WORKER) || caller.has(Role.GRID_LEADER)) {
            conditions.add(verify);
        } else {
            conditions.add("(" + verify + " and c.reporterId = :reporter)");
            parameters.put("reporter", caller.userId());
        }
        return String.join(" or ", conditions);
    }

    private static String literals(Set<CaseState> states) {
        return states.stream().sorted().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public CaseFigures figures(Caller caller, String regionCode) {
        String region = figuresRegion(caller, regionCode);
        LocalDateTime now = utc(time.now());
        RegionRange subtree = RegionRange.of(region);
        if (subtree.isEmpty()) {
            return figures(region, List.of(), 0);
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<Object[]> groups = subtree.bind(em.createQuery(FIGURES, Object[].class)).getResultList();
            // count(c.deadline), not count(c) (SQL count(id)): the same number here, as every overdue case has a
            // deadline, read from ix_cg_case_open_region_deadline alone (an index-only scan).
            long overdue = subtree.bind(em.createQuery("select count(c.deadline) from CaseEntity c where "
                    + RegionRange.JPQL + " and " + OVERDUE, Long.class)).setParameter("now", now).getSingleResult();
            return figures(region, groups, overdue);
        });
    }

    /**
     * The counts of a subtree's cases per state, level and category, with how many of them are rated and the sum of
     * their ratings: one pass over {@code ix_cg_case_region_groups} (at most a few hundred groups), from which
     * {@link #figures(String, List, long)} derives every figure. It counts {@code c.state} (never null), not
     * {@code c} (SQL {@code count(id)}): the same number, but every column it reads is in that index, so PostgreSQL
     * can answer with an index-only scan.
     */
    static final String FIGURES = "select c.state, c.level, c.category, count(c.state), count(c.rating), sum(c.rating) "
            + "from CaseEntity c where " + RegionRange.JPQL + " group by c.state, c.level, c.category";

    /** The figures from the rows of {@link #FIGURES}: state, level, category, cases, rated cases, sum of ratings. */
    static CaseFigures figures(String region, List<Object[]> groups, long overdue) {
        Map<CaseState, Long> byState = new java.util.EnumMap<>(CaseState.class);
        Map<CaseLevel, Long> byLevel = new java.util.EnumMap<>(CaseLevel.class);
        Map<CaseLevel, Long> closedByLevel = new java.util.EnumMap<>(CaseLevel.class);
        Map<String, Long> byCategory = new java.util.TreeMap<>();
        long total = 0;
        long rated = 0;
        long ratingSum = 0;
        for (Object[] row : groups) {
            CaseState state = CaseState.valueOf((String) row[0]);
            CaseLevel level = CaseLevel.valueOf((String) row[1]);
            long cases = ((Number) row[3]).longValue();
            byState.merge(state, cases, Long::sum);
            byLevel.merge(level, cases, Long::sum);
            if (state == CaseState.CLOSED) {
                closedByLevel.merge(level, cases, Long::sum);
            }
            byCategory.merge((String) row[2], cases, Long::sum);
            total += cases;
            rated += row[4] == null ? 0 : ((Number) row[4]).longValue();
            ratingSum += row[5] == null ? 0 : ((Number) row[5]).longValue();
        }
        Double rating = rated == 0 ? null : (double) ratingSum / rated;
        return new CaseFigures(region, total, byState, byCategory, byLevel, closedByLevel, overdue, rating);
    }

    /** Who works on cases; anyone else (a resident) sees only the cases they reported. */
    static final Set<org.civicgrid.core.api.directory.Role> CASE_STAFF = EnumSet.of(
            org.civicgrid.core.api.directory.Role.GRID_WORKER, org.civicgrid.core.api.directory.Role.GRID_LEADER,
            org.civicgrid.core.api.directory.Role.COMMAND_OPERATOR, org.civicgrid.core.api.directory.Role.DEPARTMENT_HANDLER,
            org.civicgrid.core.api.directory.Role.MEDIATOR, org.civicgrid.core.api.directory.Role.COUNTY_ADMIN,
            org.civicgrid.core.api.directory.Role.CITY_ADMIN);

    static boolean isStaff(Caller caller) {
        return caller.roles().stream().anyMatch(CASE_STAFF::contains);
    }

    static boolean mayRead(Caller caller, CaseEntity c) {
        return caller.reaches(c.regionCode()) && (isStaff(caller) || caller.userId().equals(c.reporterId()));
    }

    private static CaseEntity visible(EntityManager em, Caller caller, String caseId) {
        CaseEntity c = caseId == null ? null : em.find(CaseEntity.class, caseId);
        if (c == null || !mayRead(caller, c)) {
            throw ProblemException.notFound("No case " + caseId + " in your area.");
        }
        return c;
    }

    private Region validate(Caller caller, CaseIntake intake) {
        if (intake == null) {
            throw ProblemException.badRequest("Send the case as a JSON object with title, description, category, channel and regionCode.");
        }
        requireText("title", intake.title(), 200);
        requireText("description", intake.description(), 4000);
        if (intake.category() == null || !CATEGORY.matcher(intake.category().strip()).matches()) {
            throw ProblemException.badRequest("category is a code of lower-case letters, digits and '-', e.g. road-damage.");
        }
        if (category(intake.category().strip()).isEmpty()) {
            throw ProblemException.badRequest("category " + intake.category() + " is not offered here; the categories are "
                    + categories().stream().map(CaseCategory::code).toList() + ".");
        }
        if (intake.channel() == null) {
            throw ProblemException.badRequest("channel is required.");
        }
        if ((intake.longitude() == null) != (intake.latitude() == null)) {
            throw ProblemException.badRequest("Give both longitude and latitude, or neither.");
        }
        if (intake.longitude() != null && (intake.longitude() < 73 || intake.longitude() > 136
                || intake.latitude() < 3 || intake.latitude() > 54)) {
            throw ProblemException.badRequest("longitude/latitude " + intake.longitude() + "," + intake.latitude()
                    + " is not in China (WGS 84 degrees).");
        }
        if (intake.address() != null && intake.address().length() > 300) {
            throw ProblemException.badRequest("address has at most 300 characters.");
        }
        validateParties(intake.parties());
        String code = intake.regionCode() == null ? "" : intake.regionCode().strip();
        if (!caller.reaches(code)) {
            throw new ProblemException(403, "Forbidden", "Region " + code + " is outside your area.");
        }
        return regions.find(code).orElseThrow(() -> ProblemException.badRequest(
                "regionCode " + code + " is not a region of this platform."));
    }

    static final int PARTIES_MAX = 20;
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

    static void validateParties(List<CaseParty> parties) {
        if (parties.size() > PARTIES_MAX) {
            throw ProblemException.badRequest("A case names at most " + PARTIES_MAX + " parties; this one names "
                    + parties.size() + ".");
        }
        for (int i = 0; i < parties.size(); i++) {
            CaseParty party = parties.get(i);
            String where = "parties[" + i + "]";
            if (party == null || party.role() == null || party.kind() == null) {
                throw ProblemException.badRequest(where + " needs a role (" + List.of(CaseParty.Role.values())
                        + ") and a kind (" + List.of(CaseParty.Kind.values()) + ").");
            }
            requireText(where + ".name", party.name(), 100);
            if (party.phone() != null && !party.phone().isBlank() && !PHONE.matcher(party.phone().strip()).matches()) {
                throw ProblemException.badRequest(where + ".phone is not a mainland mobile (11 digits) or landline "
                        + "number (e.g. 0356-1234567).");
            }
        }
    }

    private static void requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required.");
        }
        if (value.length() > max) {
            throw ProblemException.badRequest(field + " has " + value.length() + " characters; at most " + max + ".");
        }
    }

    /**
     * A step's entry in the platform's audit trail. Called inside the step's transaction, so that the step and its
     * entry commit together or not at all (the trail chains it shortly after the commit).
     */
    private void audited(String topic, CaseRecord record, CaseState from, String actor) {
        audit.record(AuditEntry.ok(actor, "case." + topic.toLowerCase(java.util.Locale.ROOT), "case", record.id(),
                record.regionCode(), (from == null ? "" : from + " -> ") + record.state()
                        + (record.unitId() == null ? "" : ", unit " + record.unitId())));
    }

    /**
     * Posts a step on EventAdmin once it is committed. The service's own transaction has committed when this is
     * called; if the caller runs it inside a transaction of its own (a plug-in joining its work with the step), the
     * event waits for that transaction's commit and is never posted if it rolls back (the step's audit entry,
     * written in that transaction, goes with it), so listeners only ever see committed facts.
     */
    private void publish(String topic, CaseRecord record, CaseState from, String actor) {
        Runnable announce = () -> announce(topic, record, from, actor);
        TransactionSynchronizationRegistry registry = transactions;
        if (registry != null && registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // Nothing is known yet.
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        announce.run();
                    } else {
                        LOG.info("Case {} step {} was rolled back with its caller's transaction; not announced",
                                record.id(), topic);
                    }
                }
            });
        } else {
            announce.run();
        }
    }

    private void announce(String topic, CaseRecord record, CaseState from, String actor) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("caseId", record.id());
        properties.put("state", record.state().name());
        if (from != null) {
            properties.put("from", from.name());
        }
        properties.put("category", record.category());
        properties.put("regionCode", record.regionCode());
        properties.put("level", record.level().name());
        properties.put("actor", actor);
        // Events of steps taken on different threads may be delivered in another order than taken.
        properties.put("updatedAt", record.updatedAt().toInstant().toEpochMilli());
        if (record.unitId() != null) {
            properties.put("unitId", record.unitId());
        }
        events.postEvent(new Event(TOPIC_PREFIX + topic, properties));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static LocalDateTime utc(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The calendar and deadlines of the current configuration. */
    record Deadlines(WorkingCalendar calendar, Duration register, Duration handle, Map<String, Duration> perCategory,
                     Duration verify, Duration escalateAfterOverdue, Duration warnBefore, int attachmentMaxBytes) {

        static Deadlines of(CasesConfiguration c) {
            WorkingCalendar calendar = new WorkingCalendar(ZoneId.of(c.zone()),
                    WorkingCalendar.parsePeriods(c.officeHours()),
                    values(c.weekend()).stream().map(DayOfWeek::valueOf).collect(Collectors.toSet()),
                    dates(c.holidays()), dates(c.workedWeekendDays()));
            Map<String, Duration> perCategory = new HashMap<>();
            for (String entry : values(c.categoryHandleHours())) {
                String[] kv = entry.split("=");
                if (kv.length != 2) {
                    throw new IllegalArgumentException("categoryHandleHours entries are category=hours, not " + entry);
                }
                String key = kv[0].trim();
                int at = key.indexOf('@');
                if (at >= 0) {
                    CaseLevel.valueOf(key.substring(at + 1));
                }
                perCategory.put(key, Duration.ofHours(Integer.parseInt(kv[1].trim())));
            }
            if (c.registerMinutes() < 0 || c.handleHours() < 0 || c.verifyHours() < 0) {
                throw new IllegalArgumentException("deadlines cannot be negative");
            }
            return new Deadlines(calendar, Duration.ofMinutes(c.registerMinutes()), Duration.ofHours(c.handleHours()),
                    Map.copyOf(perCategory), Duration.ofHours(c.verifyHours()),
                    c.escalateAfterOverdueMinutes() < 0 ? null : Duration.ofMinutes(c.escalateAfterOverdueMinutes()),
                    c.warnBeforeMinutes() < 0 ? null : Duration.ofMinutes(c.warnBeforeMinutes()),
                    Math.max(1, c.attachmentMaxKilobytes()) * 1024);
        }

        static Deadlines defaults() {
            return of(new CasesConfiguration() {
                @Override public Class<? extends java.lang.annotation.Annotation> annotationType() { return CasesConfiguration.class; }
                @Override public String zone() { return "Asia/Shanghai"; }
                @Override public String officeHours() { return "08:30-12:00,14:00-17:30"; }
                @Override public String[] weekend() { return new String[] {"SATURDAY", "SUNDAY"}; }
                @Override public String[] holidays() { return new String[0]; }
                @Override public String[] workedWeekendDays() { return new String[0]; }
                @Override public int registerMinutes() { return 60; }
                @Override public int handleHours() { return 24; }
                @Override public String[] categoryHandleHours() { return new String[0]; }
                @Override public int verifyHours() { return 2; }
                @Override public int escalateAfterOverdueMinutes() { return 480; }
                @Override public int warnBeforeMinutes() { return 30; }
                @Override public String region() { return ""; }
                @Override public int attachmentMaxKilobytes() { return 10240; }
            });
        }

        /** Values of a list setting, whether the file gives them as a list or as one comma-separated string. */
        private static List<String> values(String[] raw) {
            List<String> values = new ArrayList<>();
            for (String item : raw) {
                for (String part : item.split(",")) {
                    if (!part.isBlank()) {
                        values.add(part.trim());
                    }
                }
            }
            return values;
        }

        private static Set<LocalDate> dates(String[] raw) {
            return values(raw).stream().map(LocalDate::parse).collect(Collectors.toSet());
        }

        Instant register(Instant now) {
            return calendar.plus(now, register);
        }

        /** The configured hours for the category at this level, else for the category, else its default. */
        Instant handle(Instant now, String category, CaseLevel level, int categoryDefaultHours) {
            Duration fallback = categoryDefaultHours > 0 ? Duration.ofHours(categoryDefaultHours) : handle;
            Duration hours = perCategory.getOrDefault(category + "@" + level.name(),
                    perCategory.getOrDefault(category, fallback));
            return calendar.plus(now, hours);
        }

        Instant verify(Instant now) {
            return calendar.plus(now, verify);
        }
    }
}
