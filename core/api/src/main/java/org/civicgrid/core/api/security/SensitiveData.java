package org.civicgrid.core.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Protection of sensitive personal data at rest (PIPL art. 28/51): ID numbers, phone numbers, screening answers,
 * party identities. Values are sealed with authenticated encryption under the platform's current data key (kept
 * outside the database, rotatable: older keys still open what they sealed) and bound to a context — the place
 * they are stored, e.g. {@code mh_screening.answers} — so a sealed value copied to another column does not open.
 *
 * @since 1.0
 */
@ProviderType
public interface SensitiveData {

    /**
     * @param context where the value is stored, e.g. {@code table.column}
     * @param plaintext the value, or {@code null}
     * @return the sealed value (text, safe for a varchar column about 1.4 × the UTF-8 length + 60), or {@code null}
     * @since 1.0
     */
    String seal(String context, String plaintext);

    /**
     * @param context the context it was sealed with
     * @param sealed a value from {@link #seal}, or {@code null}
     * @return the plaintext, or {@code null}
     * @throws IllegalStateException if the value was tampered with, sealed for another context, or its key is gone
     * @since 1.0
     */
    String open(String context, String sealed);

    /**
     * A keyed hash for finding records by a sensitive value without storing it in the clear (e.g. looking a
     * person up by ID number). Equal inputs in the same context give equal fingerprints; the key never rotates
     * out from under stored fingerprints.
     *
     * @param context where the fingerprint is stored
     * @param value the value, normalised by the caller (e.g. upper-case ID number), or {@code null}
     * @return a 64-character hex fingerprint, or {@code null}
     * @since 1.0
     */
    String fingerprint(String context, String value);
}
