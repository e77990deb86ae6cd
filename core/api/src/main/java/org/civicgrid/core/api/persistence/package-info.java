/**
 * Schema ownership: each bundle that owns tables brings its own versioned, forward-only migrations.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.civicgrid.core.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
