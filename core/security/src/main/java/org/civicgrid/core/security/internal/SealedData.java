package org.civicgrid.core.security.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import org.civicgrid.core.api.security.SensitiveData;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals values with AES-256-GCM (the JDK's provider): a fresh 96-bit nonce per value, the context as associated
 * data, the key number in front — {@code v1.<key>.<base64(nonce | ciphertext | tag)>}. Fingerprints are
 * HMAC-SHA256 over the context and the value.
 */
@Component(service = {SensitiveData.class, SealedData.class}, configurationPid = SecurityConfiguration.PID)
@Designate(ocd = SecurityConfiguration.class)
public class SealedData implements SensitiveData {

    private static final Logger LOG = LoggerFactory.getLogger(SealedData.class);
    private static final String VERSION = "v1";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private volatile KeyRing keys;

    @Activate
    public SealedData(SecurityConfiguration configuration) throws IOException {
        configure(configuration);
    }

    SealedData(KeyRing keys) {
        this.keys = keys;
    }

    @Modified
    void configure(SecurityConfiguration configuration) throws IOException {
        Path file = resolve(configuration.keyFile());
        boolean existed = java.nio.file.Files.exists(file);
        keys = KeyRing.open(file, random);
        if (!existed) {
            LOG.warn("Created the data key file {}. Back it up apart from the database and copy it to every node: "
                    + "without it sealed data cannot be read.", file);
        }
        LOG.info("Sensitive fields sealed with data key {} of {} in {}", keys.current(), keys.size(), file);
    }

    static Path resolve(String keyFile) {
        Path path = Path.of(keyFile.strip());
        if (path.isAbsolute()) {
            return path;
        }
        String etc = System.getProperty("karaf.etc", "etc");
        return Path.of(etc).resolve(path);
    }

    /** Makes a new data key current; values sealed before stay readable with their own key. */
    public synchronized int rotate() throws IOException {
        keys = keys.rotate(random);
        LOG.info("Data key {} is now current ({} keys in {})", keys.current(), keys.size(), keys.file());
        return keys.current();
    }

    public int currentKey() {
        return keys.current();
    }

    @Override
    public String seal(String context, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        KeyRing ring = keys;
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, ring.currentKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context(context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
            return VERSION + "." + ring.current() + "." + Base64.getEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a value for " + context, e);
        }
    }

    @Override
    public String open(String context, String sealed) {
        if (sealed == null) {
            return null;
        }
        String[] parts = sealed.split("\\.", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new IllegalStateException("A value stored for " + context + " is not a sealed value");
        }
        SecretKey key;
        byte[] in;
        try {
            key = keys.data(Integer.parseInt(parts[1]));
            in = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("A value stored for " + context + " is damaged");
        }
        if (key == null) {
            throw new IllegalStateException("A value stored for " + context + " was sealed with data key " + parts[1]
                    + ", which the key file does not hold");
        }
        if (in.length < NONCE + TAG_BITS / 8) {
            throw new IllegalStateException("A value stored for " + context + " is damaged");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            cipher.updateAAD(context(context));
            return new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("A value stored for " + context + " was altered or belongs elsewhere");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not open a value stored for " + context, e);
        }
    }

    @Override
    public String fingerprint(String context, String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.fingerprint());
            mac.update(context(context));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] context(String context) {
        if (context == null || context.isBlank()) {
            throw new IllegalArgumentException("Name the context a value is sealed for, e.g. table.column");
        }
        return context.getBytes(StandardCharsets.UTF_8);
    }
}
