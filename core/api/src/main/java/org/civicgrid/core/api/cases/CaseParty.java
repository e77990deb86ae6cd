package org.civicgrid.core.api.cases;

/**
 * A person or organisation a case concerns (当事人).
 *
 * @param role how the party is involved
 * @param kind a person or an organisation
 * @param name the person's or organisation's name (at most 100 characters)
 * @param phone a contact number (mainland mobile or landline), or {@code null}; returned masked
 *              ({@code 138****5678})
 * @since 1.0
 */
public record CaseParty(Role role, Kind kind, String name, String phone) {

    /** How a party is involved in a case. @since 1.0 */
    public enum Role {
        /** Asks for help or complains (申请人/投诉人). */
        COMPLAINANT,
        /** Is complained about (被申请人/被投诉人). */
        RESPONDENT,
        /** Is affected without being a side. */
        AFFECTED,
        /** Saw what happened. */
        WITNESS
    }

    /** A natural person or an organisation. @since 1.0 */
    public enum Kind {
        PERSON,
        ORGANISATION
    }
}
