package org.civicgrid.plugin.mentalhealth.internal;

import java.util.List;

/**
 * A filled-in questionnaire, as a counsellor records it. The server scores it: {@code score}, {@code band} and
 * {@code tier} are named here only so that a client sending them is refused with a clear reason.
 *
 * @param personId a registered person, or {@code null} with {@code person}
 * @param person the person to register (or find by ID number) if {@code personId} is not given
 * @param campaignId the campaign it belongs to, optional
 * @param instrument e.g. {@code PHQ-9}
 * @param answers one answer per item, in order, each 0-3
 * @param score refused if sent
 * @param band refused if sent
 * @param tier refused if sent
 */
public record ScreeningIntake(String personId, PersonIntake person, String campaignId, String instrument,
                              List<Integer> answers, Integer score, String band, String tier) {
}
