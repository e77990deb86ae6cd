package org.civicgrid.core.cases.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Dictionary;
import java.util.List;
import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ProblemException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The case loop's factory configurations (routing rules, county calendars) as administrators change them through
 * Configuration Admin. A configuration made here names its file in {@code etc/} ({@code felix.fileinstall.filename},
 * as Karaf's own {@code config:edit} does), so Karaf writes it there beside the hand-written ones: one place to back
 * up and read, and it stays when {@code data/} is cleaned.
 */
final class CaseConfigurations {

    /** The property fileinstall keeps the file of a configuration in. */
    static final String FILE = "felix.fileinstall.filename";
    /** Properties the platform adds to a configuration made or changed through the API: who and when. */
    static final String CHANGED_BY = "changedBy";
    static final String CHANGED_AT = "changedAt";

    /** The system administrators (三权分立): routing and deadlines are theirs. */
    static final Set<Role> ADMINISTRATORS = Set.of(Role.COUNTY_ADMIN, Role.CITY_ADMIN);

    private final ConfigurationAdmin admin;

    CaseConfigurations(ConfigurationAdmin admin) {
        this.admin = admin;
    }

    /** Refuses anyone but a county or city administrator. */
    static void requireAdministrator(Caller caller, String what) {
        if (caller.roles().stream().noneMatch(ADMINISTRATORS::contains)) {
            throw new ProblemException(403, "Forbidden", what + " are for county and city administrators.");
        }
    }

    /** The configurations of a factory, optionally narrowed by an LDAP filter on their properties. */
    List<Configuration> factory(String factoryPid, String filter) {
        try {
            String ldap = "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + factoryPid + ")";
            Configuration[] found = admin.listConfigurations(filter == null ? ldap : "(&" + ldap + filter + ")");
            return found == null ? List.of() : List.of(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A new configuration of a factory, named, kept in {@code etc/<factoryPid>-<name>.cfg}. The configuration is
     * updated first and the file written after, whole (beside it, then moved), as Karaf's own {@code config:edit}
     * does: the file watcher then finds the configuration by its file and takes it as its own, instead of making a
     * second one from a file it read first.
     */
    Configuration create(String factoryPid, String name, Dictionary<String, Object> properties, String comment) {
        try {
            Configuration configuration = admin.getFactoryConfiguration(factoryPid, name, "?");
            String etc = System.getProperty("karaf.etc");
            File file = etc == null ? null : new File(etc, factoryPid + "-" + name + ".cfg");
            if (file != null) {
                properties.put(FILE, file.toURI().toString());
            }
            configuration.update(properties);
            if (file != null) {
                write(file.toPath(), properties, comment);
            }
            return configuration;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a configuration and the file in {@code etc/} it was kept in, so that no restart brings it back. */
    static void deleteWithFile(Configuration configuration) {
        Object file = configuration.getProperties() == null ? null : configuration.getProperties().get(FILE);
        delete(configuration);
        if (file != null) {
            try {
                java.nio.file.Files.deleteIfExists(java.nio.file.Paths.get(java.net.URI.create(file.toString())));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalStateException("The configuration is deleted, but its file " + file
                        + " could not be: remove it, or it comes back at the next start", e);
            }
        }
    }

    /** Writes the settings as a .cfg file ({@code key = value}, non-ASCII as {@code \\uXXXX}), whole. */
    static void write(java.nio.file.Path file, Dictionary<String, Object> properties, String comment) throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# ").append(escapedProperty(comment, false)).append('\n');
        List<String> keys = new java.util.ArrayList<>(java.util.Collections.list(properties.keys()));
        keys.remove(FILE);
        java.util.Collections.sort(keys);
        for (String key : keys) {
            text.append(escapedProperty(key, true)).append(" = ")
                    .append(escapedProperty(String.valueOf(properties.get(key)), false))
                    .append('\n');
        }
        java.nio.file.Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
        java.nio.file.Files.writeString(partial, text, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.nio.file.Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static String escapedProperty(String value, boolean key) {
        StringBuilder s = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || key && (c == '=' || c == ':' || c == '#' || c == '!' || c == ' ')) {
                s.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                s.append(String.format("\\u%04x", (int) c));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    static void update(Configuration configuration, Dictionary<String, Object> properties) {
        try {
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Configuration configuration) {
        try {
            configuration.delete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name (without its folder) a configuration is kept in, or null. */
    static String fileOf(Dictionary<String, Object> properties) {
        Object file = properties == null ? null : properties.get(FILE);
        if (file == null) {
            return null;
        }
        String name = file.toString();
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /** An LDAP filter value with its special characters escaped. */
    static String escaped(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '(' || c == ')' || c == '*') {
                s.append('\\');
            }
            s.append(c);
        }
        return s.toString();
    }
}
