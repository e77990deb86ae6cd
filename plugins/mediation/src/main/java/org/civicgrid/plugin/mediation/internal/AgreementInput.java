package org.civicgrid.plugin.mediation.internal;

import java.time.LocalDate;

/**
 * The agreement the parties reached, as the mediator records it. The parties' basic facts and the dispute's
 * main facts come from the dispute's record; the points in dispute from the record unless given here.
 *
 * @param issues the points in dispute, or {@code null} for those recorded at intake
 * @param terms the agreed content (协议内容)
 * @param performance how it is performed (履行方式)
 * @param performanceDeadline the day by which it is performed (履行期限), or {@code null}
 * @param effectiveOn the day all parties signed and the committee sealed it (today if {@code null})
 */
public record AgreementInput(String issues, String terms, String performance, LocalDate performanceDeadline,
                             LocalDate effectiveOn) {
}
