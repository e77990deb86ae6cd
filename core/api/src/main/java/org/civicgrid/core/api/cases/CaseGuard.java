package org.civicgrid.core.api.cases;

import org.civicgrid.core.api.directory.Caller;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Lets a plug-in refuse a step on a case, e.g. "no CLOSE while the linked dispute is still in mediation". Called
 * inside the step's transaction after the platform's own checks; throwing
 * {@link org.civicgrid.core.api.rest.ProblemException} refuses the step and nothing is written. To react to steps
 * that happened, listen on EventAdmin ({@link CaseService#TOPIC_PREFIX}) instead.
 *
 * @since 1.0
 */
@ConsumerType
public interface CaseGuard {

    /**
     * @param caller who takes the step
     * @param current the case before the step
     * @param request the step
     * @since 1.0
     */
    void check(Caller caller, CaseRecord current, TransitionRequest request);
}
