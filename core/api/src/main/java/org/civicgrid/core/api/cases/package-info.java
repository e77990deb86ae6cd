/**
 * Cases (事件): the reporting-to-closing loop — report, register or reject, dispatch, handle, return, extend,
 * escalate, verify, rate, close and reopen — with deadlines in working time and a complete audit trail.
 *
 * @since 1.0
 */
@Export
@Version("1.3.0")
package org.civicgrid.core.api.cases;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
