package org.civicgrid.core.api.cases;

import java.util.Optional;

import org.civicgrid.core.api.directory.UnitKind;
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

    /**
     * The kind of unit that handles cases of this category where the county has no routing rule for it: such a case
     * is dispatched to the nearest unit of this kind serving its place (e.g. a mediation committee for disputes).
     * A county's routing rules always win; with neither, the nearest command centre takes the case (兜底).
     *
     * @return the kind of the handling unit, or empty to leave the case to the routing rules and the command centre
     * @since 1.1
     */
    default Optional<UnitKind> handledBy() {
        return Optional.empty();
    }
}
