package org.civicgrid.core.api.cases;

/**
 * The cases of one region below the one asked about (a county of a city, a township of a county, a village of a
 * township), for comparing them on a dashboard.
 *
 * @param regionCode the region: a direct child of the region asked about, or that region itself for the cases
 *        filed at its own level
 * @param total all its cases
 * @param open cases still in the loop (neither closed, verified nor rejected)
 * @param overdue open cases past their deadline
 * @param closed closed cases
 * @since 1.1
 */
public record RegionCaseCount(String regionCode, long total, long open, long overdue, long closed) {
}
