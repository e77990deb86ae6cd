package org.civicgrid.core.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;

class ConfigurationAuditTest {

    private static final String DATASOURCE_PASSWORD = "Pg-s3cret-2026";
    private static final String ROUTING_PID = "org.civicgrid.routing.6f1c2a9e-1b7d-4f0e-9d55-0c3b8e2a7d41";

    private final AuditTrail trail = mock(AuditTrail.class);
    private final ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
    @SuppressWarnings("unchecked")
    private final ServiceReference<ConfigurationAdmin> cm = mock(ServiceReference.class);
    /** What Configuration Admin holds, by PID. */
    private final Map<String, Configuration> held = new HashMap<>();

    @Test
    void anUpdateOfThePlatformsOwnFactoryConfigurationNamesItsFileAndPropertiesButNoValues() throws Exception {
        ConfigurationAudit audit = started();
        hold(ROUTING_PID, "org.civicgrid.routing", "file:/opt/civicgrid/etc/org.civicgrid.routing-x.cfg",
                "category", "street-light", "region", "140521", "unit", "qs-judicial");
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.civicgrid.routing", ROUTING_PID));
        hold(ROUTING_PID, "org.civicgrid.routing", "file:/opt/civicgrid/etc/org.civicgrid.routing-x.cfg",
                "category", "street-light", "region", "140522", "unit", "yc-police", "note", "moved");
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.civicgrid.routing", ROUTING_PID));
        held.remove(ROUTING_PID);
        audit.configurationEvent(event(ConfigurationEvent.CM_DELETED, "org.civicgrid.routing", ROUTING_PID));
        audit.stop();

        List<AuditEntry> entries = recorded(3);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("config.update", "config.update", "config.delete");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("platform");
            assertThat(e.objectType()).isEqualTo("config");
            assertThat(e.objectId()).isEqualTo(ROUTING_PID);
            assertThat(e.regionCode()).isNull();
            assertThat(e.detail()).contains("factory org.civicgrid.routing").contains("file org.civicgrid.routing-x.cfg")
                    .doesNotContain("/opt/civicgrid")
                    .doesNotContain("street-light", "140521", "140522", "qs-judicial", "yc-police", "moved");
        });
        assertThat(entries.get(0).detail()).endsWith("set category, region, unit");
        assertThat(entries.get(1).detail()).endsWith("changed region, unit; added note");
        assertThat(entries.get(2).detail()).endsWith("deleted");
    }

    @Test
    void theDatasourcesPasswordIsNamedButNeverWritten() throws Exception {
        String pid = "org.ops4j.datasource.0b7e";
        hold(pid, "org.ops4j.datasource", "file:/opt/civicgrid/etc/org.ops4j.datasource-civicgrid.cfg",
                "url", "jdbc:postgresql://db/civicgrid", "user", "civicgrid", "password", "old-password-1");
        ConfigurationAudit audit = started();
        hold(pid, "org.ops4j.datasource", "file:/opt/civicgrid/etc/org.ops4j.datasource-civicgrid.cfg",
                "url", "jdbc:postgresql://db/civicgrid", "user", "civicgrid", "password", DATASOURCE_PASSWORD);
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, "org.ops4j.datasource", pid));
        audit.stop();

        AuditEntry entry = recorded(1).get(0);
        assertThat(entry.objectId()).isEqualTo(pid);
        assertThat(entry.detail()).endsWith("changed password")
                .doesNotContain(DATASOURCE_PASSWORD).doesNotContain("old-password-1").doesNotContain("jdbc:");
    }

    @Test
    void securityRelevantKarafConfigurationsAreRecordedAndUnrelatedOnesAreNot() throws Exception {
        ConfigurationAudit audit = started();
        hold("org.apache.karaf.shell", null, null, "sshHost", "0.0.0.0");
        hold("org.apache.felix.eventadmin.impl.EventAdmin", null, null, "org.apache.felix.eventadmin.ThreadPoolSize", "20");
        hold("org.civicgridx", null, null, "a", "b");
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, null, "org.apache.felix.eventadmin.impl.EventAdmin"));
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, null, "org.civicgridx"));
        audit.configurationEvent(event(ConfigurationEvent.CM_UPDATED, null, "org.apache.karaf.shell"));
        audit.configurationEvent(event(ConfigurationEvent.CM_DELETED, null, "com.example.vendor"));
        audit.stop();

        AuditEntry entry = recorded(1).get(0);
        assertThat(entry.objectId()).isEqualTo("org.apache.karaf.shell");
        assertThat(entry.detail()).isEqualTo("set sshHost").doesNotContain("0.0.0.0");
    }

    @Test
    void whichConfigurationsAreWatched() {
        assertThat(ConfigurationAudit.watched("org.civicgrid.cases", null)).isTrue();
        assertThat(ConfigurationAudit.watched("org.civicgrid.routing~streetlight", "org.civicgrid.routing")).isTrue();
        assertThat(ConfigurationAudit.watched("org.ops4j.datasource.0b7e", "org.ops4j.datasource")).isTrue();
        assertThat(ConfigurationAudit.watched("org.ops4j.pax.web", null)).isTrue();
        assertThat(ConfigurationAudit.watched("org.apache.karaf.jaas", null)).isTrue();
        assertThat(ConfigurationAudit.watched("org.apache.karaf.features", null)).isTrue();
        assertThat(ConfigurationAudit.watched("org.apache.karaf.log", null)).isFalse();
        assertThat(ConfigurationAudit.watched("org.civicgridfake", null)).isFalse();
        assertThat(ConfigurationAudit.watched("com.example.x", "com.example")).isFalse();
    }

    private ConfigurationAudit started() throws Exception {
        when(admin.listConfigurations(isNull())).thenAnswer(i -> held.values().toArray(new Configuration[0]));
        when(admin.listConfigurations(anyString())).thenAnswer(i -> {
            String filter = i.getArgument(0);
            return held.values().stream().filter(c -> filter.equals("(service.pid=" + c.getPid() + ")"))
                    .toArray(Configuration[]::new);
        });
        return new ConfigurationAudit(admin, trail);
    }

    private void hold(String pid, String factoryPid, String file, String... keysAndValues) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("service.pid", pid);
        if (factoryPid != null) {
            properties.put("service.factoryPid", factoryPid);
        }
        if (file != null) {
            properties.put("felix.fileinstall.filename", file);
        }
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        Configuration config = mock(Configuration.class);
        when(config.getPid()).thenReturn(pid);
        when(config.getFactoryPid()).thenReturn(factoryPid);
        when(config.getProperties()).thenReturn(properties);
        held.put(pid, config);
    }

    private ConfigurationEvent event(int type, String factoryPid, String pid) {
        return new ConfigurationEvent(cm, type, factoryPid, pid);
    }

    private List<AuditEntry> recorded(int count) {
        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(trail, times(count)).record(entries.capture());
        assertThat(entries.getAllValues()).noneMatch(e -> e.detail() == null);
        return entries.getAllValues();
    }
}
