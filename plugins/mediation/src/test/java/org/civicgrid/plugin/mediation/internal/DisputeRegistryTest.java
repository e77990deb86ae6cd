package org.civicgrid.plugin.mediation.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad intake is refused with a reason and writes nothing. */
class DisputeRegistryTest {

    private static final Caller MEDIATOR = new Caller("m", Set.of(Role.MEDIATOR), "1405", null);

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

    @Test
    void refusesCallersWithoutAStudioRoleOrOutsideTheirArea() {
        DisputeIntake intake = new DisputeIntake("140521", DisputeType.LAND, "boundary", null);
        Caller resident = new Caller("r", Set.of(Role.RESIDENT), "140521", null);
        assertThatThrownBy(() -> registry.receive(resident, intake)).hasMessageContaining("open to");
        Caller otherCounty = new Caller("m2", Set.of(Role.MEDIATOR), "140522", null);
        assertThatThrownBy(() -> registry.receive(otherCounty, intake)).hasMessageContaining("outside your area");
        verify(jpa, never()).tx(any(TransactionType.class), any(EmConsumer.class));
    }

    private void assertRefused(DisputeIntake intake, String reason) {
        assertThatThrownBy(() -> registry.receive(MEDIATOR, intake))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ProblemException) e).status()).isEqualTo(400));
        verify(jpa, never()).tx(any(TransactionType.class), any(EmConsumer.class));
    }
}
