/**
 * The platform's clock, shared by the core and plug-ins.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.civicgrid.core.api.time;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
