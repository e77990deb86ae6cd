package org.civicgrid.core.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.civicgrid.core.api.security.AuditEntry;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 22, 8, 30, 0, 123_456_000);
    private static final AuditEntry ENTRY = AuditEntry.ok("wang", "screening.read", "screening", "s-1", "140525", "purpose: follow-up");

    @Test
    void everyFieldAndThePreviousHashGoIntoTheHash() {
        String hash = AuditChain.hash(AuditChain.GENESIS, 1, AT, ENTRY, null);
        assertThat(hash).hasSize(64).isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, AT, ENTRY, null));
        assertThat(AuditChain.hash("1".repeat(64), 1, AT, ENTRY, null)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 2, AT, ENTRY, null)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT.plusNanos(1000), ENTRY, null)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEntry("li", "screening.read", "screening", "s-1",
                "140525", "ok", "purpose: follow-up"), null)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEntry("wang", "screening.read", "screening", "s-1",
                "140525", "refused", "purpose: follow-up"), null)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEntry("wang", "screening.read", "screening", "s-1",
                "140525", "ok", null), null)).isNotEqualTo(hash);
    }

    @Test
    void theOriginJoinsTheHashWhenThereIsOneAndEntriesWithoutOneKeepTheirHashes() {
        String without = AuditChain.hash(AuditChain.GENESIS, 1, AT, ENTRY, null);
        String from = AuditChain.hash(AuditChain.GENESIS, 1, AT, ENTRY, "10.14.5.21");
        assertThat(from).isNotEqualTo(without);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, ENTRY, "10.14.5.22")).isNotEqualTo(from);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, ENTRY, "")).isNotEqualTo(without);
        // What the chain gave this entry before origins were recorded: trails written then still verify.
        assertThat(without).isEqualTo("b97532e05e27956cf897d4365b74fde929f03f893d2781548e9241b212fac940");
    }

    @Test
    void anEntryWithoutItsEssentialsIsRefusedAndLongFieldsAreCut() {
        assertThatThrownBy(() -> JpaAuditTrail.checked(new AuditEntry(" ", "x", "y", null, null, "ok", null)))
                .isInstanceOf(IllegalArgumentException.class);
        AuditEntry cut = JpaAuditTrail.checked(AuditEntry.ok("a", "b", "c", "d", "e", "x".repeat(2000)));
        assertThat(cut.detail()).hasSize(1000);
    }
}
