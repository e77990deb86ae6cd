package org.civicgrid.core.security.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records in the audit trail each change to the platform's own configurations ({@code org.civicgrid.*}, factory
 * configurations included) and to the security-relevant ones of Karaf: which PID, from which file, and for an update
 * the names of the properties set, changed, added or removed. Never their values: a datasource configuration holds
 * the database password.
 *
 * <p>The actor is {@code platform}: Configuration Admin does not say who changed a configuration (an edited file in
 * {@code etc/}, {@code config:edit} in the shell); the shell's own log tells that. Configuration Admin calls
 * listeners on one thread shared with fileinstall and Karaf; entries are written on {@link AuditQueue}'s thread.
 */
@Component(immediate = true)
public class ConfigurationAudit implements ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAudit.class);

    static final String ACTOR = "platform";
    static final String OBJECT_TYPE = "config";

    /**
     * Configurations whose changes are recorded: the platform's own, who may sign in to the shell and with which
     * rights, the web server, which features and Maven repositories the platform takes code from, management access,
     * and the datasources.
     */
    static final List<String> WATCHED = List.of("org.civicgrid", "org.apache.karaf.shell", "org.apache.karaf.jaas",
            "org.apache.karaf.command.acl", "jmx.acl", "org.apache.karaf.management", "org.apache.karaf.features",
            "org.ops4j.pax.url.mvn", "org.ops4j.pax.web", "org.ops4j.datasource");

    /** Properties Configuration Admin and fileinstall keep themselves; the file name is reported on its own. */
    private static final String FILE = "felix.fileinstall.filename";
    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION, FILE);

    private final ConfigurationAdmin admin;
    private final AuditQueue queue;
    /**
     * The last known settings of each watched configuration, to name what an update changed. Configuration Admin
     * holds the same values in this process anyway; they never leave it through this class.
     */
    private final Map<String, Snapshot> known = new ConcurrentHashMap<>();

    /** A configuration's file (if fileinstall manages it) and settings. */
    private record Snapshot(Object file, Map<String, Object> settings) {
        static Snapshot of(Dictionary<String, Object> properties) {
            return properties == null ? new Snapshot(null, Map.of())
                    : new Snapshot(properties.get(FILE), ConfigurationAudit.settings(properties));
        }
    }

    @Activate
    public ConfigurationAudit(@Reference ConfigurationAdmin admin, @Reference AuditTrail trail) {
        this.admin = admin;
        this.queue = new AuditQueue(trail, "civicgrid-audit-configuration");
        try {
            Configuration[] all = admin.listConfigurations(null);
            for (Configuration c : all == null ? new Configuration[0] : all) {
                if (watched(c.getPid(), c.getFactoryPid()) && c.getProperties() != null) {
                    known.put(c.getPid(), Snapshot.of(c.getProperties()));
                }
            }
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Configurations could not be listed; the first update of each will name all its properties: {}",
                    e.toString());
        }
    }

    @Deactivate
    void stop() {
        queue.close();
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        String factoryPid = event.getFactoryPid();
        if (!watched(pid, factoryPid)) {
            return;
        }
        try {
            switch (event.getType()) {
                case ConfigurationEvent.CM_UPDATED -> updated(pid, factoryPid);
                case ConfigurationEvent.CM_DELETED -> deleted(pid, factoryPid);
                case ConfigurationEvent.CM_LOCATION_CHANGED -> locationChanged(pid, factoryPid);
                default -> {
                    // no other kinds of events are defined
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Could not describe configuration event {} of {} for the audit trail", event.getType(), pid, e);
        }
    }

    private void updated(String pid, String factoryPid) {
        Configuration config = find(pid);
        Snapshot now = Snapshot.of(config == null ? null : config.getProperties());
        Snapshot before = known.put(pid, now);
        record("config.update", pid, origin(factoryPid, now.file())
                + changes(before == null ? null : before.settings(), now.settings()));
    }

    private void deleted(String pid, String factoryPid) {
        Snapshot before = known.remove(pid);
        record("config.delete", pid, origin(factoryPid, before == null ? null : before.file()) + "deleted");
    }

    private void locationChanged(String pid, String factoryPid) {
        Configuration config = find(pid);
        String location = config == null ? null : config.getBundleLocation();
        Snapshot last = known.get(pid);
        record("config.location", pid, origin(factoryPid, last == null ? null : last.file())
                + (location == null ? "no longer bound to a bundle" : "bound to " + location));
    }

    private void record(String action, String pid, String detail) {
        queue.record(AuditEntry.ok(ACTOR, action, OBJECT_TYPE, pid, null, detail));
    }

    /** The names of what an update set or changed; never a value. */
    static String changes(Map<String, Object> before, Map<String, Object> now) {
        if (before == null) {
            return now.isEmpty() ? "no properties" : "set " + String.join(", ", now.keySet());
        }
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        for (Map.Entry<String, Object> e : now.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                added.add(e.getKey());
            } else if (!Objects.deepEquals(before.get(e.getKey()), e.getValue())) {
                changed.add(e.getKey());
            }
        }
        List<String> removed = before.keySet().stream().filter(k -> !now.containsKey(k)).toList();
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add("changed " + String.join(", ", changed));
        }
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        return parts.isEmpty() ? "saved without changes" : String.join("; ", parts);
    }

    /** Whether a PID (or the factory it belongs to) is one whose changes are recorded. */
    static boolean watched(String pid, String factoryPid) {
        return watched(pid) || watched(factoryPid);
    }

    private static boolean watched(String name) {
        if (name == null) {
            return false;
        }
        for (String prefix : WATCHED) {
            if (name.equals(prefix) || name.startsWith(prefix) && name.length() > prefix.length()
                    && ".~-".indexOf(name.charAt(prefix.length())) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String origin(String factoryPid, Object file) {
        StringBuilder s = new StringBuilder();
        if (factoryPid != null) {
            s.append("factory ").append(factoryPid).append("; ");
        }
        if (file != null) {
            String name = file.toString();
            s.append("file ").append(name.substring(name.lastIndexOf('/') + 1)).append("; ");
        }
        return s.toString();
    }

    /** The settings of a configuration by name, in name order, without Configuration Admin's own properties. */
    private static Map<String, Object> settings(Dictionary<String, Object> properties) {
        Map<String, Object> settings = new TreeMap<>();
        for (String key : Collections.list(properties.keys())) {
            if (!BOOKKEEPING.contains(key)) {
                settings.put(key, properties.get(key));
            }
        }
        return settings;
    }

    private Configuration find(String pid) {
        try {
            // Listing does not bind the configuration to this bundle, as getConfiguration(pid) would.
            Configuration[] found = admin.listConfigurations("(" + Constants.SERVICE_PID + "=" + escaped(pid) + ")");
            return found == null || found.length == 0 ? null : found[0];
        } catch (IOException | InvalidSyntaxException e) {
            LOG.warn("Configuration {} could not be read for the audit trail: {}", pid, e.toString());
            return null;
        }
    }

    private static String escaped(String value) {
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
