package org.civicgrid.plugin.mediation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.civicgrid.plugin.mediation.internal.Studio.MEDIATOR;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The 30-day judicial-confirmation window: its deadline, the warning before it closes, lapsing, applying in time. */
class ConfirmationWindowTest {

    private static final LocalDate SIGNED = LocalDate.of(2024, 5, 6);

    @Test
    void theWindowRunsThirtyDaysFromTheDayTheAgreementTookEffect() {
        ConfirmationWindow w = ConfirmationWindow.from(SIGNED);
        assertThat(w.deadline()).isEqualTo(LocalDate.of(2024, 6, 5));
        assertThat(w.open(SIGNED)).isTrue();
        assertThat(w.open(LocalDate.of(2024, 6, 5))).as("the last day").isTrue();
        assertThat(w.open(LocalDate.of(2024, 6, 6))).isFalse();
        assertThat(w.open(SIGNED.minusDays(1))).isFalse();
        assertThat(w.daysLeft(LocalDate.of(2024, 6, 5))).isZero();
        assertThat(w.daysLeft(LocalDate.of(2024, 6, 7))).isEqualTo(-2);
    }

    @Test
    void itWarnsOnlyWithinTheConfiguredDaysBeforeItCloses() {
        ConfirmationWindow w = ConfirmationWindow.from(SIGNED);
        assertThat(w.warn(LocalDate.of(2024, 5, 28), 7)).as("8 days left").isFalse();
        assertThat(w.warn(LocalDate.of(2024, 5, 29), 7)).as("7 days left").isTrue();
        assertThat(w.warn(LocalDate.of(2024, 6, 5), 7)).as("last day").isTrue();
        assertThat(w.warn(LocalDate.of(2024, 6, 6), 7)).as("closed: nothing left to warn of").isFalse();
        assertThat(w.warn(LocalDate.of(2024, 6, 4), 0)).isFalse();
    }

    @Test
    void theRoundWarnsOnceThenMarksTheAgreementLapsedAndALateApplicationIsRefused() throws Exception {
        try (Studio studio = new Studio()) {
            Dispute d = studio.inMediation();
            studio.agree(d);
            studio.clock.plusDays(22);
            assertThat(studio.watch.run().warned()).as("8 days left").isEmpty();
            studio.clock.plusDays(1);
            ConfirmationWatch.Round round = studio.watch.run();
            assertThat(round.warned()).singleElement().satisfies(due -> {
                assertThat(due.disputeId()).isEqualTo(d.id());
                assertThat(due.daysLeft()).isEqualTo(7);
                assertThat(due.mediatorId()).isEqualTo("qs-med");
            });
            verify(studio.events).postEvent(argThat(e -> e.getTopic().equals(ConfirmationWatch.DUE_TOPIC)));
            assertThat(studio.audit.actions()).contains("dispute.confirmation.warn");
            assertThat(studio.watch.run().warned()).as("warned once per agreement").isEmpty();
            assertThat(studio.watch.due(Studio.OPERATOR, "140521")).singleElement()
                    .satisfies(due -> assertThat(due.warned()).isTrue());
            assertThat(studio.registry.agreement(MEDIATOR, d.id()).orElseThrow().warnedAt()).isNotNull();

            studio.clock.plusDays(8);
            assertThat(studio.watch.run().lapsed()).isEqualTo(1);
            assertThat(studio.registry.agreement(MEDIATOR, d.id()).orElseThrow().confirmationStatus())
                    .isEqualTo(ConfirmationStatus.LAPSED);
            assertThat(studio.watch.due(Studio.OPERATOR, "140521")).isEmpty();
            assertThatThrownBy(() -> studio.registry.confirmation(MEDIATOR, d.id(), new ConfirmationInput(
                    ConfirmationStatus.APPLIED, "沁水县人民法院", null, null)))
                    .hasMessageContaining("outside the 30-day window");
            verify(studio.events, times(1)).postEvent(argThat(e -> e.getTopic().equals(ConfirmationWatch.DUE_TOPIC)));
        }
    }

    @Test
    void anApplicationOnTheLastDayIsInTimeAndTheCourtsDecisionFollowsIt() throws Exception {
        try (Studio studio = new Studio()) {
            Dispute d = studio.inMediation();
            studio.agree(d);
            assertThatThrownBy(() -> studio.registry.confirmation(MEDIATOR, d.id(), new ConfirmationInput(
                    ConfirmationStatus.CONFIRMED, null, null, null))).hasMessageContaining("application first");
            assertThatThrownBy(() -> studio.registry.confirmation(MEDIATOR, d.id(), new ConfirmationInput(
                    ConfirmationStatus.APPLIED, null, null, null))).hasMessageContaining("court is required");
            studio.clock.plusDays(30);
            Agreement applied = studio.registry.confirmation(MEDIATOR, d.id(), new ConfirmationInput(
                    ConfirmationStatus.APPLIED, "沁水县人民法院", null, null));
            assertThat(applied.confirmationStatus()).isEqualTo(ConfirmationStatus.APPLIED);
            assertThat(applied.confirmationDaysLeft()).isZero();
            studio.clock.plusDays(5);
            assertThat(studio.watch.run().lapsed()).as("applied in time: never lapses").isZero();
            Agreement confirmed = studio.registry.confirmation(Studio.OPERATOR, d.id(), new ConfirmationInput(
                    ConfirmationStatus.CONFIRMED, null, null, "民特1号"));
            assertThat(confirmed.confirmationStatus()).isEqualTo(ConfirmationStatus.CONFIRMED);
            assertThat(confirmed.confirmationCourt()).isEqualTo("沁水县人民法院");
            assertThat(confirmed.confirmationOn()).isEqualTo(LocalDate.of(2024, 6, 10));
        }
    }
}
