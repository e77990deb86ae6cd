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
        String hash = AuditChain.hash(AuditChain.GENESIS, 1, AT, ENTRY);
        assertThat(hash).hasSize(64).isEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, AT, ENTRY));
        assertThat(AuditChain.hash("1".repeat(64), 1, AT, ENTRY)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 2, AT, ENTRY)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT.plusNanos(1000), ENTRY)).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEntry("li", "screening.read", "screening", "s-1",
                "140525", "ok", "purpose: follow-up"))).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEntry("wang", "screening.read", "screening", "s-1",
                "140525", "refused", "purpose: follow-up"))).isNotEqualTo(hash);
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, AT, new AuditEntry("wang", "screening.read", "screening", "s-1",
                "140525", "ok", null))).isNotEqualTo(hash);
    }

    @Test
    void anEntryWithoutItsEssentialsIsRefusedAndLongFieldsAreCut() {
        assertThatThrownBy(() -> JpaAuditTrail.checked(new AuditEntry(" ", "x", "y", null, null, "ok", null)))
                .isInstanceOf(IllegalArgumentException.class);
        AuditEntry cut = JpaAuditTrail.checked(AuditEntry.ok("a", "b", "c", "d", "e", "x".repeat(2000)));
        assertThat(cut.detail()).hasSize(1000);
    }
}
