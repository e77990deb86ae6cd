package org.civicgrid.plugin.mediation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A dispute as the one-stop window takes it in.
 *
 * @param regionCode the county, township or village/community where it arose
 * @param type its field
 * @param summary the main facts: what the parties disagree about
 * @param amountInDispute the sum at stake in yuan, if any
 * @param issues the points in dispute (争议焦点), or {@code null}
 * @param parties the parties (at most 20), none if {@code null}
 * @param source how it came (the window if {@code null}; CASE only through the case loop)
 * @param courtName the court that sent it (pre-litigation mediation, source COURT)
 * @param courtDeadline the day by which the court wants it mediated (source COURT)
 */
public record DisputeIntake(String regionCode, DisputeType type, String summary, BigDecimal amountInDispute,
                            String issues, List<PartyInput> parties, DisputeSource source, String courtName,
                            LocalDate courtDeadline) {

    /** A dispute without parties, taken in at the window. */
    public DisputeIntake(String regionCode, DisputeType type, String summary, BigDecimal amountInDispute) {
        this(regionCode, type, summary, amountInDispute, null, null, null, null, null);
    }

    public DisputeIntake {
        parties = parties == null ? List.of() : List.copyOf(parties);
    }
}
