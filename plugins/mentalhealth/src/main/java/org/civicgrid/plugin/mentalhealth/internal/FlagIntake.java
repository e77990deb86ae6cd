package org.civicgrid.plugin.mentalhealth.internal;

/**
 * A request to screen a person, as a grid worker sends it.
 *
 * @param regionCode where the person lives
 * @param name their name
 * @param idNumber their resident ID number
 * @param phone a phone number, optional
 * @param reason why they should be screened, optional
 */
public record FlagIntake(String regionCode, String name, String idNumber, String phone, String reason) {
}
