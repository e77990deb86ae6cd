package org.civicgrid.plugin.mediation.internal;

/**
 * Handing a dispute on.
 *
 * @param to the kind of body that takes it over
 * @param receivingBody the body by name, e.g. 沁水县人民法院 or 晋城市劳动人事争议仲裁委员会
 * @param reason why mediation failed or does not suit it
 */
public record ReferralInput(Body to, String receivingBody, String reason) {

    /** Who takes a dispute over from the studio. */
    public enum Body {
        /** 仲裁 (labour, rural land contracting, commercial). */
        ARBITRATION,
        /** 诉讼: a court. */
        COURT,
        /** 行政调解 / 行政处理 by a department. */
        ADMINISTRATIVE,
        /** 信访. */
        PETITION_OFFICE,
        /** The police, when a dispute threatens to turn criminal (民转刑). */
        POLICE
    }
}
