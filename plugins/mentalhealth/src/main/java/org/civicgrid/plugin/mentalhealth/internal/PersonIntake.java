package org.civicgrid.plugin.mentalhealth.internal;

/**
 * A person as a counsellor registers them.
 *
 * @param regionCode the village/community (or township) they live in
 * @param name their name
 * @param idNumber their 18-character resident ID number (GB 11643)
 * @param phone a phone number, optional
 */
public record PersonIntake(String regionCode, String name, String idNumber, String phone) {
}
