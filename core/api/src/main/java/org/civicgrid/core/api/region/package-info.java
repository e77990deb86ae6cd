/**
 * The administrative region tree: province, city, county, township and village/community,
 * identified by the national statistical division codes.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.civicgrid.core.api.region;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
