/**
 * Who acts: users with roles, belonging to a node of the region tree. Every service method takes the
 * {@link org.civicgrid.core.api.directory.Caller} it acts for and works only inside the caller's region subtree.
 *
 * @since 1.0
 */
@Export
@Version("1.2.0")
package org.civicgrid.core.api.directory;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
