package org.civicgrid.core.api.cases;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A category cases can be reported under. The core registers the common ones; a plug-in adds its own by
 * registering this service (whiteboard), and they go when it goes — cases already filed under them stay readable.
 *
 * @since 1.0
 */
@ConsumerType
public interface CaseCategory {

    /**
     * @return the code cases carry, lower-case letters, digits and '-' (e.g. {@code mediation-dispute})
     * @since 1.0
     */
    String code();

    /**
     * @return the name shown to people, e.g. {@code 矛盾纠纷}
     * @since 1.0
     */
    String name();

    /**
     * @return working hours to handle a case of this category, or 0 for the county's default (a county's
     *         own per-category setting in {@code etc/org.civicgrid.cases.cfg} wins over this)
     * @since 1.0
     */
    default int handleHours() {
        return 0;
    }
}
