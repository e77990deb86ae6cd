package org.civicgrid.core.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.cases.CaseAction;
import org.civicgrid.core.api.cases.CaseIntake;
import org.civicgrid.core.api.cases.CaseLevel;
import org.civicgrid.core.api.cases.Channel;
import org.civicgrid.core.api.cases.TransitionRequest;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.SensitiveData;
import org.civicgrid.core.api.time.PlatformClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventAdmin;

/** Refusals write nothing and publish nothing: bad intake, unknown categories, a plug-in's guard. */
class JpaCaseServiceTest {

    private static final String VILLAGE = "140521100200";
    private static final Caller RESIDENT = new Caller("r", Set.of(Role.RESIDENT), VILLAGE, null);
    private static final Caller OPERATOR = new Caller("op", Set.of(Role.COMMAND_OPERATOR), "140521", null);

    private final JpaTemplate jpa = mock(JpaTemplate.class);
    private final EntityManager em = mock(EntityManager.class);
    private final RegionService regions = mock(RegionService.class);
    private final EventAdmin events = mock(EventAdmin.class);
    private JpaCaseService service;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void service() {
        when(jpa.txExpr(any(TransactionType.class), any(EmFunction.class)))
                .thenAnswer(call -> ((EmFunction<Object>) call.getArgument(1)).apply(em));
        when(regions.find(VILLAGE)).thenReturn(Optional.of(new Region(VILLAGE, "某村", RegionLevel.VILLAGE, "140521100")));
        CasesConfiguration defaults = mock(CasesConfiguration.class, call -> call.getMethod().getDefaultValue());
        PlatformClock clock = mock(PlatformClock.class);
        when(clock.now()).thenReturn(java.time.Instant.parse("2026-11-23T02:00:00Z"));
        service = new JpaCaseService(mock(SchemaReady.class), jpa, regions, mock(DirectoryService.class), events, clock,
                mock(SensitiveData.class), mock(org.civicgrid.core.api.security.AuditTrail.class), defaults);
        CommonCategories.ALL.forEach(service::addCategory);
    }

    @Test
    void anUnknownCategoryIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> service.report(RESIDENT, intake("weather", VILLAGE)))
                .isInstanceOf(ProblemException.class).hasMessageContaining("street-light");
        assertNothingWritten();
    }

    @Test
    void aReportOutsideTheCallersAreaIsRefused() {
        assertThatThrownBy(() -> service.report(RESIDENT, intake("noise", "140522100200")))
                .hasMessageContaining("outside your area");
        assertNothingWritten();
    }

    @Test
    void securityAndAuditAdministratorsReportNoCase() {
        for (Role duty : Set.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
            Caller administrator = new Caller("admin", Set.of(duty), "140521", null);
            assertThatThrownBy(() -> service.report(administrator, intake("noise", VILLAGE)))
                    .isInstanceOf(ProblemException.class).hasMessageContaining("do not report cases")
                    .extracting(e -> ((ProblemException) e).status()).isEqualTo(403);
        }
        assertNothingWritten();
        // The same account holding a working role besides reports as that role.
        service.report(new Caller("both", Set.of(Role.SECURITY_ADMIN, Role.COMMAND_OPERATOR), "140521", null),
                intake("noise", VILLAGE));
        verify(jpa).tx(any(TransactionType.class), any(EmConsumer.class));
    }

    @Test
    void aResidentCannotReadACaseSomeoneElseReportedEvenInTheirOwnVillage() {
        CaseEntity other = new CaseEntity("c2", intake("noise", VILLAGE), CaseLevel.VILLAGE, "someone-else",
                LocalDateTime.now(), LocalDateTime.now().plusHours(1));
        when(em.find(CaseEntity.class, "c2")).thenReturn(other);
        assertThatThrownBy(() -> service.history(RESIDENT, "c2")).hasMessageContaining("No case c2");
        assertThat(service.find(RESIDENT, "c2")).isEmpty();
        assertThatThrownBy(() -> service.attachments(RESIDENT, "c2")).hasMessageContaining("No case c2");
        assertThatThrownBy(() -> service.figures(RESIDENT, null)).hasMessageContaining("staff");
    }

    @Test
    void aTimeRangeThatEndsBeforeItStartsIsRefused() {
        java.time.OffsetDateTime t = java.time.OffsetDateTime.parse("2026-11-22T08:00:00+08:00");
        assertThatThrownBy(() -> service.search(OPERATOR, new org.civicgrid.core.api.cases.CaseQuery(null, null, null,
                null, false, null, 0, 10, t, t.minusDays(1)))).hasMessageContaining("from must be before to");
    }

    @Test
    void aPluginGuardRefusesAStepAndNothingIsWritten() {
        CaseEntity registered = new CaseEntity("c1", intake("noise", VILLAGE), CaseLevel.VILLAGE, "r",
                LocalDateTime.now(), LocalDateTime.now().plusHours(1));
        registered.state(org.civicgrid.core.api.cases.CaseState.REGISTERED);
        when(em.find(CaseEntity.class, "c1")).thenReturn(registered);
        @SuppressWarnings("unchecked")
        javax.persistence.TypedQuery<PartyEntity> noParties = mock(javax.persistence.TypedQuery.class,
                call -> call.getMethod().getReturnType().isInstance(call.getMock()) ? call.getMock() : null);
        when(noParties.getResultList()).thenReturn(java.util.List.of());
        when(em.createQuery(org.mockito.ArgumentMatchers.anyString(), org.mockito.ArgumentMatchers.eq(PartyEntity.class)))
                .thenReturn(noParties);
        service.addGuard((caller, current, request) -> {
            throw new ProblemException(409, "Held", "The dispute is still in mediation.");
        });
        assertThatThrownBy(() -> service.transition(OPERATOR, "c1", new TransitionRequest(CaseAction.ESCALATE, "why", null, null, null)))
                .hasMessageContaining("still in mediation");
        assertThat(registered.level()).isEqualTo(CaseLevel.VILLAGE);
        verify(em, never()).persist(any());
        verify(events, never()).postEvent(any());
    }

    @Test
    void aPluginsCategoryCanBeUsedWhileItIsRegistered() {
        org.civicgrid.core.api.cases.CaseCategory disputes = new CommonCategories.Common("mediation-dispute", "纠纷", 70);
        service.addCategory(disputes);
        assertThat(service.categories()).extracting(c -> c.code()).contains("mediation-dispute");
        service.removeCategory(disputes);
        assertThatThrownBy(() -> service.report(RESIDENT, intake("mediation-dispute", VILLAGE)))
                .hasMessageContaining("not offered");
    }

    @Test
    void aStepTakenInsideACallersTransactionIsAnnouncedOnlyWhenThatCommits() {
        javax.transaction.TransactionSynchronizationRegistry registry = mock(javax.transaction.TransactionSynchronizationRegistry.class);
        service.transactions = registry;
        org.mockito.ArgumentCaptor<javax.transaction.Synchronization> waiting =
                org.mockito.ArgumentCaptor.forClass(javax.transaction.Synchronization.class);

        when(registry.getTransactionStatus()).thenReturn(javax.transaction.Status.STATUS_ACTIVE);
        service.report(RESIDENT, intake("noise", VILLAGE));
        service.report(RESIDENT, intake("noise", VILLAGE));
        verify(events, never()).postEvent(any());
        verify(registry, org.mockito.Mockito.times(2)).registerInterposedSynchronization(waiting.capture());

        waiting.getAllValues().get(0).afterCompletion(javax.transaction.Status.STATUS_ROLLEDBACK);
        verify(events, never()).postEvent(any());
        waiting.getAllValues().get(1).afterCompletion(javax.transaction.Status.STATUS_COMMITTED);
        verify(events, org.mockito.Mockito.times(1)).postEvent(any());

        // Without a transaction of the caller's, the service's own has committed: announced at once.
        when(registry.getTransactionStatus()).thenReturn(javax.transaction.Status.STATUS_NO_TRANSACTION);
        service.report(RESIDENT, intake("noise", VILLAGE));
        verify(events, org.mockito.Mockito.times(2)).postEvent(any());
    }

    private void assertNothingWritten() {
        verify(jpa, never()).tx(any(TransactionType.class), any(EmConsumer.class));
        verify(em, never()).persist(any());
        verify(events, never()).postEvent(any());
    }

    private static CaseIntake intake(String category, String region) {
        return new CaseIntake("标题", "描述", category, Channel.APP, region, null, null, null);
    }
}
