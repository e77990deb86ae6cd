package org.civicgrid.plugin.mediation.internal;

/**
 * A party as the window takes it in. Everything but role and kind is sealed at rest.
 *
 * @param role how the party is involved
 * @param kind a person or an organisation
 * @param name the person's or organisation's name
 * @param idNumber a person's resident ID number (GB 11643) or an organisation's unified social credit code
 *        (GB 32100), or {@code null}
 * @param phone a contact number, or {@code null}
 * @param address the address, or {@code null}
 */
public record PartyInput(Party.Role role, Party.Kind kind, String name, String idNumber, String phone,
                         String address) {
}
