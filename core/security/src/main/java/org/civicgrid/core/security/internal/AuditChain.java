package org.civicgrid.core.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

import org.civicgrid.core.api.security.AuditEntry;

/**
 * The hash that chains an entry to the one before it: SHA-256 over the previous hash and every field. The origin
 * ("from where") joins the fields when there is one, so entries written before it was recorded keep their hashes.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final char SEPARATOR = '\u001f';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private AuditChain() {
    }

    static String hash(String prevHash, long seq, LocalDateTime at, AuditEntry e, String origin) {
        StringBuilder canonical = new StringBuilder(256).append(prevHash);
        for (Object field : new Object[] {seq, TIME.format(at), e.actor(), e.action(), e.objectType(), e.objectId(),
                e.regionCode(), e.outcome(), e.detail()}) {
            canonical.append(SEPARATOR).append(field == null ? "\u0000" : field.toString());
        }
        if (origin != null) {
            canonical.append(SEPARATOR).append("origin=").append(origin);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
