package org.civicgrid.core.api.persistence;

import java.util.Objects;

/**
 * Where one owner's schema stands after its migrations ran.
 *
 * @param owner the owner of the changelog, by convention its bundle's symbolic name
 * @param changelog the changelog path inside the owner's bundle
 * @param version the id of the last change set applied, or {@code null} if none was
 * @param applied how many change sets of this changelog the database has applied in all
 * @param appliedNow how many of them this run applied
 * @since 1.0
 */
public record SchemaVersion(String owner, String changelog, String version, int applied, int appliedNow) {

    /** @since 1.0 */
    public SchemaVersion {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(changelog, "changelog");
    }
}
