/**
 * How bundles join the platform's REST API: the JAX-RS whiteboard application under {@code /api}
 * and the problem type its errors use.
 *
 * @since 1.0
 */
@Export
@Version("1.0.0")
package org.civicgrid.core.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
