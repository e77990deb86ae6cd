/**
 * What makes a bundle a civicgrid plug-in.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.civicgrid.core.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
