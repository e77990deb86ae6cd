package org.civicgrid.plugin.mediation.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.civicgrid.core.api.cases.CaseAction;
import org.civicgrid.core.api.cases.CaseParty;
import org.civicgrid.core.api.cases.CaseRecord;
import org.civicgrid.core.api.cases.CaseService;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.TransitionRequest;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ties core cases of the studio's category to disputes. A case reported (or dispatched) under
 * {@code mediation-dispute} opens a dispute linked to it; once the command centre dispatches the case to a unit,
 * the studio accepts it on that unit's behalf, and when the dispute ends in an agreement, a withdrawal or a
 * referral, it reports the case HANDLED with a note — so the case loop's verification and closing follow.
 *
 * <p>The studio acts as the unit the case is dispatched to: a caller named {@value #ACTOR} with the role
 * DEPARTMENT_HANDLER and that unit, the only kind of caller the case workflow lets ACCEPT and HANDLE.
 */
@Component(immediate = true, property = {
    EventConstants.EVENT_TOPIC + "=" + CaseService.TOPIC_PREFIX + "*",
    EventConstants.EVENT_TOPIC + "=" + DisputeRegistry.CONCLUDED_TOPIC})
public class CaseLink implements EventHandler {

    /** The actor the case's audit trail shows for the studio's steps. */
    static final String ACTOR = "mediation-studio";

    private static final Logger LOG = LoggerFactory.getLogger(CaseLink.class);

    private final DisputeRegistry registry;
    private final CaseService cases;

    @Activate
    public CaseLink(@Reference DisputeRegistry registry, @Reference CaseService cases) {
        this.registry = registry;
        this.cases = cases;
    }

    @Override
    public void handleEvent(Event event) {
        try {
            if (DisputeRegistry.CONCLUDED_TOPIC.equals(event.getTopic())) {
                String caseId = (String) event.getProperty("caseId");
                if (caseId != null) {
                    follow(caseId, (String) event.getProperty("regionCode"));
                }
                return;
            }
            if (!DisputeCaseCategory.CODE.equals(event.getProperty("category"))) {
                return;
            }
            String caseId = (String) event.getProperty("caseId");
            String region = (String) event.getProperty("regionCode");
            String state = String.valueOf(event.getProperty("state"));
            if (CaseState.REPORTED.name().equals(state) || CaseState.DISPATCHED.name().equals(state)) {
                open(caseId, region);
            }
            if (CaseState.DISPATCHED.name().equals(state)) {
                follow(caseId, region);
            }
        } catch (ProblemException e) {
            LOG.warn("Case event {} for case {}: {}", event.getTopic(), event.getProperty("caseId"), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Case event {} for case {} could not be followed", event.getTopic(), event.getProperty("caseId"), e);
        }
    }

    /** Opens the case's dispute if it has none yet. */
    void open(String caseId, String regionCode) {
        if (caseId == null || regionCode == null || registry.byCase(caseId).isPresent()) {
            return;
        }
        CaseRecord c = cases.find(reader(regionCode), caseId).orElse(null);
        if (c == null) {
            return;
        }
        String summary = (c.title() + "：" + c.description()).strip();
        if (summary.length() > DisputeRegistry.SUMMARY_MAX) {
            summary = summary.substring(0, DisputeRegistry.SUMMARY_MAX);
        }
        // The case loop shows people's names masked: only organisations are copied; the mediator adds the people.
        List<PartyInput> parties = c.parties().stream()
                .filter(p -> p.kind() == CaseParty.Kind.ORGANISATION)
                .filter(p -> p.role() == CaseParty.Role.COMPLAINANT || p.role() == CaseParty.Role.RESPONDENT)
                .map(p -> new PartyInput(p.role() == CaseParty.Role.COMPLAINANT ? Party.Role.APPLICANT
                        : Party.Role.RESPONDENT, Party.Kind.ORGANISATION, p.name(), null, null, null))
                .toList();
        if (parties.size() > 1 && parties.stream().noneMatch(p -> p.role() == Party.Role.APPLICANT)) {
            parties = List.of();
        }
        // The case does not say the dispute's field; the mediator sees OTHER and the case's text.
        registry.openFromCase(caseId, new DisputeIntake(c.regionCode(), DisputeType.OTHER, summary, null, null,
                parties, DisputeSource.CASE, null, null), ACTOR);
    }

    /**
     * Brings the case in line with its dispute: a dispatched case is accepted on the unit's behalf; an accepted
     * case whose dispute has concluded is reported handled.
     */
    void follow(String caseId, String regionCode) {
        if (regionCode == null) {
            return;
        }
        Optional<DisputeEntity> dispute = registry.byCase(caseId);
        CaseRecord c = cases.find(reader(regionCode), caseId).orElse(null);
        if (dispute.isEmpty() || c == null || c.unitId() == null) {
            return;
        }
        Caller unit = new Caller(ACTOR, Set.of(Role.DEPARTMENT_HANDLER), c.regionCode(), c.unitId());
        if (c.state() == CaseState.DISPATCHED) {
            c = cases.transition(unit, caseId, new TransitionRequest(CaseAction.ACCEPT, null, null, null, null));
            LOG.info("Case {} accepted by the mediation studio for unit {}", caseId, c.unitId());
        }
        DisputeEntity d = dispute.get();
        if (c.state() == CaseState.IN_HANDLING && d.status().concluded()) {
            cases.transition(unit, caseId, new TransitionRequest(CaseAction.HANDLE, note(d), null, null, null));
            LOG.info("Case {} handled: dispute {} {}", caseId, d.id(), d.status());
        }
    }

    static String note(DisputeEntity d) {
        String what = switch (d.status()) {
            case AGREED -> "人民调解达成协议";
            case WITHDRAWN -> "当事人撤回调解申请";
            case REFERRED -> "调解不成，已转交";
            default -> d.status().name();
        };
        return "调解室纠纷 " + d.id() + "：" + what + (d.mediatorId() == null ? "" : "（调解员 " + d.mediatorId() + "）")
                + ("REFERRED".equals(d.status().name()) && d.outcomeNote() != null ? "；" + d.outcomeNote() : "");
    }

    /** Reads a case of a region: the core's find only asks that the case lie in the caller's area. */
    private static Caller reader(String regionCode) {
        return new Caller(ACTOR, Set.of(Role.DEPARTMENT_HANDLER), regionCode, null);
    }
}
