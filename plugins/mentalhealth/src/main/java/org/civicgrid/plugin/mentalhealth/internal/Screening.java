package org.civicgrid.plugin.mentalhealth.internal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A screening as the counsellors of the person's region see it.
 *
 * @param id its id
 * @param personId the person
 * @param campaignId its campaign, or {@code null}
 * @param instrument the questionnaire
 * @param answers the item answers
 * @param score the total, computed by the server
 * @param band the severity band of the total in the county's bands
 * @param tier the risk tier it suggested
 * @param alert whether it raised an alert (PHQ-9 item 9 ≥ 1)
 * @param recordedBy the counsellor who recorded it
 * @param recordedAt when
 */
public record Screening(String id, String personId, String campaignId, String instrument, List<Integer> answers,
                        int score, String band, RiskTier tier, boolean alert, String recordedBy,
                        OffsetDateTime recordedAt) {
}
