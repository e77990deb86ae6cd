package org.civicgrid.core.security.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The data keys, in a properties file outside the database: {@code data.<n>} AES-256 keys (the highest in use for
 * new values, older ones still opening what they sealed) and one {@code fingerprint} HMAC key that never rotates.
 * Created on first start, readable by its owner only.
 */
final class KeyRing {

    private static final String HEADER = "civicgrid data keys. Without this file sealed data cannot be read: keep it "
            + "on every node, back it up apart from the database, never commit or mail it.";

    private final Path file;
    private final Map<Integer, SecretKey> data;
    private final int current;
    private final SecretKey fingerprint;

    private KeyRing(Path file, Map<Integer, SecretKey> data, int current, SecretKey fingerprint) {
        this.file = file;
        this.data = Map.copyOf(data);
        this.current = current;
        this.fingerprint = fingerprint;
    }

    /** Reads the file, creating it with fresh keys if it does not exist. */
    static KeyRing open(Path file, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            Properties fresh = new Properties();
            fresh.setProperty("current", "1");
            fresh.setProperty("data.1", newKey(random));
            fresh.setProperty("fingerprint", newKey(random));
            write(file, fresh);
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        Map<Integer, SecretKey> data = new TreeMap<>();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("data.")) {
                data.put(Integer.parseInt(name.substring(5)), key(p.getProperty(name), "AES", file, name));
            }
        }
        String currentValue = p.getProperty("current");
        if (currentValue == null || p.getProperty("fingerprint") == null) {
            throw new IOException(file + " lacks 'current' or 'fingerprint'; restore it from your backup");
        }
        int current = Integer.parseInt(currentValue.trim());
        if (!data.containsKey(current)) {
            throw new IOException(file + " names data." + current + " as current but does not hold it");
        }
        return new KeyRing(file, data, current, key(p.getProperty("fingerprint"), "HmacSHA256", file, "fingerprint"));
    }

    /** Adds a new data key and makes it current; returns the ring that reads the updated file. */
    KeyRing rotate(SecureRandom random) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        int next = data.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        p.setProperty("data." + next, newKey(random));
        p.setProperty("current", Integer.toString(next));
        write(file, p);
        return open(file, random);
    }

    int current() { return current; }
    SecretKey currentKey() { return data.get(current); }
    SecretKey data(int id) { return data.get(id); }
    SecretKey fingerprint() { return fingerprint; }
    Path file() { return file; }
    int size() { return data.size(); }

    private static SecretKey key(String base64, String algorithm, Path file, String name) throws IOException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + name + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IOException(file + ": " + name + " is not a 256-bit key");
        }
        return new SecretKeySpec(bytes, algorithm);
    }

    private static String newKey(SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Writes beside the file and moves it into place, so a crash never leaves half a key file. */
    private static void write(Path file, Properties p) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".civicgrid-keys", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: protect the file with the operating system's own means.
            }
            try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(out, HEADER);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
