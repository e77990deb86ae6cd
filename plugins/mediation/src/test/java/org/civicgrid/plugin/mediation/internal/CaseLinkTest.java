package org.civicgrid.plugin.mediation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicgrid.core.api.cases.CaseAction;
import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.cases.CaseParty;
import org.civicgrid.core.api.cases.CaseRecord;
import org.civicgrid.core.api.cases.CaseService;
import org.civicgrid.core.api.cases.CaseState;
import org.civicgrid.core.api.cases.Channel;
import org.civicgrid.core.api.cases.TransitionRequest;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** A core case of the studio's category opens a dispute, and follows it to HANDLED. */
class CaseLinkTest {

    private final CaseService cases = mock(CaseService.class);

    @Test
    void aReportedCaseOpensADisputeAndTheDispatchedCaseIsHandledOnceTheDisputeIsAgreed() throws Exception {
        try (Studio studio = new Studio()) {
            CaseLink link = new CaseLink(studio.registry, cases);
            when(cases.find(any(), eq("case-1"))).thenReturn(Optional.of(record(CaseState.REPORTED, null)));
            link.handleEvent(event("REPORTED", "mediation-dispute", "REPORTED"));
            link.handleEvent(event("REPORTED", "mediation-dispute", "REPORTED"));
            link.handleEvent(event("REPORTED", "road-damage", "REPORTED"));
            assertThat(studio.db.count("med_dispute")).as("once, and only for its own category").isEqualTo(1);
            Dispute d = studio.registry.byCase("case-1").orElseThrow().toDispute(null, List.of());
            assertThat(d.source()).isEqualTo(DisputeSource.CASE);
            assertThat(d.summary()).isEqualTo("邻里漏水：楼上漏水三个月");
            assertThat(studio.registry.find(Studio.OPERATOR, d.id()).orElseThrow().parties())
                    .as("the organisation only: the case shows people masked").extracting(Party::name)
                    .containsExactly("某物业公司");
            assertThat(studio.registry.addParty(Studio.OPERATOR, d.id(), new PartyInput(Party.Role.RESPONDENT,
                    Party.Kind.PERSON, "王五", null, null, null)).parties()).extracting(Party::name)
                    .containsExactly("某物业公司", "王*");

            when(cases.find(any(), eq("case-1"))).thenReturn(Optional.of(record(CaseState.DISPATCHED, "qs-judicial")));
            when(cases.transition(any(), eq("case-1"), argThat(r -> r.action() == CaseAction.ACCEPT)))
                    .thenReturn(record(CaseState.IN_HANDLING, "qs-judicial"));
            link.handleEvent(event("DISPATCH", "mediation-dispute", "DISPATCHED"));
            verify(cases).transition(argThat(CaseLinkTest::actsForTheUnit), eq("case-1"),
                    argThat(r -> r.action() == CaseAction.ACCEPT));
            verify(cases, never()).transition(any(), any(), argThat(r -> r.action() == CaseAction.HANDLE));

            studio.townshipCommittee();
            studio.registry.assign(Studio.OPERATOR, d.id(), "qs-med");
            studio.registry.recordSession(Studio.MEDIATOR, d.id(), new SessionInput(studio.clock.now().atOffset(java.time.ZoneOffset.UTC),
                    "调解室", List.of("王五"), "笔录"));
            studio.agree(d);
            when(cases.find(any(), eq("case-1"))).thenReturn(Optional.of(record(CaseState.IN_HANDLING, "qs-judicial")));
            link.handleEvent(new Event(DisputeRegistry.CONCLUDED_TOPIC, Map.of("disputeId", d.id(), "caseId", "case-1",
                    "regionCode", Studio.VILLAGE, "status", "AGREED")));
            verify(cases).transition(argThat(CaseLinkTest::actsForTheUnit), eq("case-1"),
                    argThat((TransitionRequest r) -> r.action() == CaseAction.HANDLE && r.note().contains("人民调解达成协议")
                            && r.note().contains(d.id())));
        }
    }

    private static boolean actsForTheUnit(Caller caller) {
        return caller.userId().equals(CaseLink.ACTOR) && caller.has(Role.DEPARTMENT_HANDLER)
                && "qs-judicial".equals(caller.unitId()) && caller.reaches(Studio.VILLAGE);
    }

    private static Event event(String topic, String category, String state) {
        return new Event(CaseService.TOPIC_PREFIX + topic, Map.of("caseId", "case-1", "category", category,
                "state", state, "regionCode", Studio.VILLAGE));
    }

    private static CaseRecord record(CaseState state, String unit) {
        OffsetDateTime t = OffsetDateTime.parse("2024-05-06T02:00:00Z");
        return new CaseRecord("case-1", "邻里漏水", "楼上漏水三个月", "mediation-dispute", Channel.WALK_IN, state,
                CaseLevel.VILLAGE, Studio.VILLAGE, null, null, null, null, "r1", unit, null, false, null, t, t,
                List.of(new CaseParty(CaseParty.Role.COMPLAINANT, CaseParty.Kind.ORGANISATION, "某物业公司", null),
                        new CaseParty(CaseParty.Role.RESPONDENT, CaseParty.Kind.PERSON, "王*", "138****5678"),
                        new CaseParty(CaseParty.Role.WITNESS, CaseParty.Kind.PERSON, "赵六", null)));
    }
}
