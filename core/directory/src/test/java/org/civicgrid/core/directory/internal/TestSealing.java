package org.civicgrid.core.directory.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.civicgrid.core.api.security.SensitiveData;

/**
 * A stand-in for the platform's sealing in unit tests of the directory: reversible, bound to its context, and
 * never the plaintext itself, so a test can tell a sealed column from a plain one.
 */
final class TestSealing implements SensitiveData {

    @Override
    public String seal(String context, String plaintext) {
        return plaintext == null ? null : "sealed:" + Base64.getEncoder().encodeToString(
                (context + "\0" + plaintext).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String open(String context, String sealed) {
        if (sealed == null) {
            return null;
        }
        String opened = new String(Base64.getDecoder().decode(sealed.substring("sealed:".length())), StandardCharsets.UTF_8);
        if (!opened.startsWith(context + "\0")) {
            throw new IllegalStateException("sealed for another context");
        }
        return opened.substring(context.length() + 1);
    }

    @Override
    public String fingerprint(String context, String value) {
        return value == null ? null : Integer.toHexString((context + value).hashCode());
    }
}
