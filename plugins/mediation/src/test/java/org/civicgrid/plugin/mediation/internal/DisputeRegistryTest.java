package org.civicgrid.plugin.mediation.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.Optional;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad intake is refused with a reason and writes nothing. */
class DisputeRegistryTest {

    private final JpaTemplate jpa = mock(JpaTemplate.class);
    private final RegionService regions = mock(RegionService.class);
    private DisputeRegistry registry;

    @BeforeEach
    void registry() {
        when(regions.find("140521")).thenReturn(Optional.of(new Region("140521", "沁水县", RegionLevel.COUNTY, "1405")));
        when(regions.find("1405")).thenReturn(Optional.of(new Region("1405", "晋城市", RegionLevel.CITY, "14")));
        when(regions.find("999999")).thenReturn(Optional.empty());
        registry = new DisputeRegistry(mock(SchemaReady.class), jpa, regions);
    }

    @Test
    void refusesAnUnknownRegion() {
        assertRefused(new DisputeIntake("999999", DisputeType.LAND, "boundary", null), "not a region");
    }

    @Test
    void refusesACityLevelDispute() {
        assertRefused(new DisputeIntake("1405", DisputeType.LAND, "boundary", null), "county, township or village");
    }

    @Test
    void refusesAMissingTypeOrSummary() {
        assertRefused(new DisputeIntake("140521", null, "boundary", null), "type is required");
        assertRefused(new DisputeIntake("140521", DisputeType.LAND, "  ", null), "summary is required");
        assertRefused(new DisputeIntake("140521", DisputeType.LAND, "x".repeat(2001), null), "2001 characters");
    }

    @Test
    void refusesANegativeOrOverPreciseAmount() {
        assertRefused(new DisputeIntake("140521", DisputeType.LABOUR, "wages", new BigDecimal("-1")), "yuan");
        assertRefused(new DisputeIntake("140521", DisputeType.LABOUR, "wages", new BigDecimal("1.001")), "yuan");
    }

    private void assertRefused(DisputeIntake intake, String reason) {
        assertThatThrownBy(() -> registry.receive(intake))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ProblemException) e).status()).isEqualTo(400));
        verify(jpa, never()).tx(any(TransactionType.class), any(EmConsumer.class));
    }
}
