package org.civicgrid.plugin.mentalhealth.internal;

/**
 * What the server makes of a questionnaire's answers.
 *
 * @param score the total of the item answers
 * @param band the severity band of the total, in the bands in force for the county
 * @param tier the risk tier the screening suggests
 * @param alert whether an answer needs immediate attention (PHQ-9 item 9 ≥ 1)
 */
public record ScreeningResult(int score, String band, RiskTier tier, boolean alert) {
}
