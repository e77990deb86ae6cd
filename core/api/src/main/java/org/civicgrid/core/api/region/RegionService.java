package org.civicgrid.core.api.region;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads the administrative tree the platform serves.
 *
 * @since 1.0
 */
@ProviderType
public interface RegionService {

    /**
     * @param code a division code
     * @return the region with that code, if the platform knows it
     * @since 1.0
     */
    Optional<Region> find(String code);

    /**
     * @param code a division code
     * @return the direct children of that region, ordered by code; empty for a village or an unknown code
     * @since 1.0
     */
    List<Region> children(String code);

    /**
     * @return the number of regions the platform has loaded
     * @since 1.0
     */
    long count();
}
