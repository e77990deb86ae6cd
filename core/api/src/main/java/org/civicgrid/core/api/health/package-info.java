/**
 * Health indicators: parts of the platform (and plug-ins) report whether they can serve.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.civicgrid.core.api.health;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
