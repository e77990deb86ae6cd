package org.civicgrid.plugin.mediation.internal;

import java.math.BigDecimal;

/**
 * A dispute as the one-stop window takes it in.
 *
 * @param regionCode the county, township or village/community where it arose
 * @param type its field
 * @param summary what the parties disagree about
 * @param amountInDispute the sum at stake in yuan, if any
 */
public record DisputeIntake(String regionCode, DisputeType type, String summary, BigDecimal amountInDispute) {
}
