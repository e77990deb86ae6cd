package org.civicgrid.core.api.cases;

import java.util.List;
import java.util.Optional;

import org.civicgrid.core.api.directory.Caller;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The case loop. Every method acts for a caller and only inside the caller's region subtree; a case outside it
 * is treated as not existing. Every change is recorded in the case's audit trail and, once committed,
 * published on EventAdmin under {@value #TOPIC_PREFIX}{@code <ACTION>} (and {@code REPORTED} for a new case),
 * with the properties {@code caseId}, {@code state}, {@code from}, {@code category}, {@code regionCode},
 * {@code level}, {@code actor}, {@code unitId} and (since 1.2) {@code updatedAt}: the step's time in epoch
 * milliseconds. Events are delivered asynchronously, and those of steps taken on different threads may arrive in
 * another order than the steps were taken: a listener that keeps a case's state keeps the newest by
 * {@code updatedAt}.
 *
 * @since 1.0
 */
@ProviderType
public interface CaseService {

    /** EventAdmin topic prefix of case events. @since 1.0 */
    String TOPIC_PREFIX = "org/civicgrid/case/";

    /**
     * Reports a new case.
     *
     * @param caller the reporter
     * @param intake the case
     * @return the case, REPORTED, at the level of its region
     * @since 1.0
     */
    CaseRecord report(Caller caller, CaseIntake intake);

    /**
     * Takes a step. Refused with a clear reason, changing nothing, if the step is not allowed from the case's
     * state, not the caller's to take, or lacks what it needs.
     *
     * @param caller who takes the step
     * @param caseId the case
     * @param request the step
     * @return the case after it
     * @since 1.0
     */
    CaseRecord transition(Caller caller, String caseId, TransitionRequest request);

    /**
     * @param caller who asks
     * @param caseId a case id
     * @return the case, if within the caller's subtree
     * @since 1.0
     */
    Optional<CaseRecord> find(Caller caller, String caseId);

    /**
     * The parties of a case unmasked, for the staff who must contact them (command centre, the unit the case is
     * dispatched to, grid staff and mediators of its area), with a stated purpose. Every reveal is recorded in the
     * audit trail with the purpose; anyone else is refused.
     *
     * @param caller who asks
     * @param caseId a case within the caller's subtree
     * @param purpose why (5 to 200 characters), e.g. "回访当事人核实处理结果"
     * @return the parties with their names and phone numbers in full
     * @since 1.0
     */
    List<CaseParty> revealParties(Caller caller, String caseId, String purpose);

    /**
     * @param caller who asks
     * @param caseId a case id within the caller's subtree
     * @return its audit trail, oldest first
     * @since 1.0
     */
    List<CaseStep> history(Caller caller, String caseId);

    /**
     * @param caller who asks
     * @param caseId a case id within the caller's subtree
     * @return the steps of the loop the caller may take on it now (none that only the platform takes, such as
     *         supervision's), in the workflow's order
     * @since 1.2
     */
    List<AvailableStep> availableSteps(Caller caller, String caseId);

    /**
     * @param caller who asks
     * @param query what to list
     * @return the matching cases, most recently updated first; with {@link CaseQuery#overdueOnly()}, the most overdue
     *         first (earliest deadline; cases due at the same moment by id)
     * @since 1.0
     */
    List<CaseRecord> search(Caller caller, CaseQuery query);

    /**
     * @param caller who asks
     * @param regionCode a region within the caller's subtree (the caller's own region if {@code null})
     * @return the figures of the cases in its subtree
     * @since 1.0
     */
    CaseFigures figures(Caller caller, String regionCode);

    /**
     * @param caller who works on cases
     * @param regionCode a region within the caller's subtree (the caller's own region if {@code null})
     * @return the case counts of each region directly below it that has cases, by code
     * @since 1.1
     */
    List<RegionCaseCount> figuresByRegion(Caller caller, String regionCode);

    /**
     * The figures of each handling unit (承办单位) that has cases of a region's subtree: received, open, closed, overdue,
     * closed on time and mean rating (see {@link UnitCaseFigures} for what each counts). For the same callers as
     * {@link #figures}, refused the same way.
     *
     * @param caller who works on cases
     * @param regionCode a region within the caller's subtree (the caller's own region if {@code null})
     * @return one entry per unit, by unit id
     * @since 1.3
     */
    List<UnitCaseFigures> figuresByUnit(Caller caller, String regionCode);

    /**
     * The figures of each grid worker and grid leader of the region's grids, counted over the region's cases: the
     * cases they reported, those in their grids (closed, overdue, closed on time, mean rating) and those they verified
     * (see {@link GridWorkerFigures}). Staff with no case are listed with zeros. For the same callers as
     * {@link #figures}, refused the same way.
     *
     * @param caller who works on cases
     * @param regionCode a region within the caller's subtree (the caller's own region if {@code null})
     * @return one entry per worker, by user id; empty if no grid of the region has staff
     * @since 1.3
     */
    List<GridWorkerFigures> figuresByGridWorker(Caller caller, String regionCode);

    /**
     * Cases reported and closed in a region's subtree per day from {@code from} to {@code to}, per week if the range
     * is longer than {@value CaseTrend#DAILY_MAX_DAYS} days, with the share closed on time. For the same callers as
     * {@link #figures}, refused the same way.
     *
     * @param caller who works on cases
     * @param regionCode a region within the caller's subtree (the caller's own region if {@code null})
     * @param from the first day, or {@code null} for 29 days before {@code to}
     * @param to the last day, or {@code null} for today (on the county's calendar)
     * @return the trend
     * @throws org.civicgrid.core.api.rest.ProblemException 400 if {@code from} is after {@code to} or the range is
     *         longer than {@value CaseTrend#MAX_DAYS} days
     * @since 1.3
     */
    CaseTrend trend(Caller caller, String regionCode, java.time.LocalDate from, java.time.LocalDate to);

    /**
     * Attaches a file to a case: JPEG, PNG, PDF or MP4, recognised from the content, up to the configured size.
     * Recorded in the audit trail as an {@link CaseAction#ATTACH} step, in the same transaction.
     *
     * @param caller the reporter, or someone working on cases in the case's area
     * @param caseId the case (not closed or rejected)
     * @param fileName the file's name (at most 200 characters)
     * @param content the file
     * @return the attachment
     * @since 1.0
     */
    CaseAttachment attach(Caller caller, String caseId, String fileName, byte[] content);

    /**
     * @param caller who asks
     * @param caseId a case within the caller's subtree
     * @return its attachments, oldest first, without content
     * @since 1.0
     */
    List<CaseAttachment> attachments(Caller caller, String caseId);

    /**
     * @param caller who asks
     * @param caseId a case within the caller's subtree
     * @param attachmentId one of its attachments
     * @return the attachment's content, if it exists
     * @since 1.0
     */
    Optional<byte[]> attachmentContent(Caller caller, String caseId, String attachmentId);
}
