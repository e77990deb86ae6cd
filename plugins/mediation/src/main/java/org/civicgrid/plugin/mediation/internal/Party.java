package org.civicgrid.plugin.mediation.internal;

/**
 * A party as the studio shows it: a person's name, ID number and phone masked ({@code 张**},
 * {@code 1405**********1234}, {@code 138****5678}); an organisation's name in full.
 *
 * @param role how the party is involved
 * @param kind a person or an organisation
 * @param name the name, masked for a person
 * @param idNumber the ID number or credit code, masked, or {@code null}
 * @param phone the phone number, masked, or {@code null}
 */
public record Party(Role role, Kind kind, String name, String idNumber, String phone) {

    /** How a party is involved. */
    public enum Role {
        /** 申请人. */
        APPLICANT,
        /** 被申请人. */
        RESPONDENT,
        /** 第三人. */
        THIRD_PARTY
    }

    /** A natural person or an organisation. */
    public enum Kind {
        PERSON,
        ORGANISATION
    }
}
