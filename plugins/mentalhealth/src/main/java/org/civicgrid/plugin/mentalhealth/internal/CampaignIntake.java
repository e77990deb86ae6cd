package org.civicgrid.plugin.mentalhealth.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * A screening campaign as a counsellor plans it.
 *
 * @param regionCode the county or township it covers
 * @param name its name, e.g. {@code 2025年春季心理健康筛查}
 * @param instruments the questionnaires it uses, e.g. {@code ["PHQ-9","GAD-7"]}
 * @param startsOn its first day
 * @param endsOn its last day
 */
public record CampaignIntake(String regionCode, String name, List<String> instruments, LocalDate startsOn,
                             LocalDate endsOn) {
}
