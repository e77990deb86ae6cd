/**
 * Protection of sensitive personal data and the audit trail, shared by the core and plug-ins.
 *
 * @since 1.0
 */
@Export
@Version("1.1.0")
package org.civicgrid.core.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
