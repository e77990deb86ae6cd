package org.civicgrid.core.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;

class PluginAuditTest {

    private final AuditTrail trail = mock(AuditTrail.class);
    private final BundleContext context = mock(BundleContext.class);
    private final Bundle framework = mock(Bundle.class);

    @BeforeEach
    void frameworkRuns() {
        when(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION)).thenReturn(framework);
        when(framework.getState()).thenReturn(Bundle.ACTIVE);
    }

    @Test
    void aPluginsLifeIsRecordedWithItsNameVersionAndOrigin() {
        PluginAudit audit = new PluginAudit(context, trail);
        verify(context).addBundleListener(audit);
        Bundle patrol = bundle(88, "org.civicgrid.plugin.patrol", "1.2.0", "patrol");
        for (int type : new int[] {BundleEvent.INSTALLED, BundleEvent.RESOLVED, BundleEvent.STARTED, BundleEvent.STOPPED,
                BundleEvent.UPDATED, BundleEvent.UNRESOLVED, BundleEvent.UNINSTALLED}) {
            audit.bundleChanged(new BundleEvent(type, patrol));
        }
        audit.stop();

        verify(context).removeBundleListener(audit);
        List<AuditEntry> entries = recorded(5);
        assertThat(entries).extracting(AuditEntry::action).containsExactly("plugin.install", "plugin.start",
                "plugin.stop", "plugin.update", "plugin.uninstall");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("platform");
            assertThat(e.objectType()).isEqualTo("plugin");
            assertThat(e.objectId()).isEqualTo("patrol");
            assertThat(e.regionCode()).as("the city's auditors see it").isNull();
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.detail()).contains("org.civicgrid.plugin.patrol 1.2.0").contains("bundle 88");
        });
        assertThat(entries.get(0).detail()).contains("from mvn:org.civicgrid/org.civicgrid.plugin.patrol/1.2.0");
    }

    @Test
    void bundlesThatAreNoPluginsAreNotRecorded() {
        PluginAudit audit = new PluginAudit(context, trail);
        Bundle library = bundle(12, "com.fasterxml.jackson.core.jackson-databind", "2.17.0", null);
        audit.bundleChanged(new BundleEvent(BundleEvent.INSTALLED, library));
        audit.bundleChanged(new BundleEvent(BundleEvent.UNINSTALLED, library));
        audit.stop();

        verify(trail, times(0)).record(any());
    }

    @Test
    void pluginsStoppingWithThePlatformAreNotRecordedOneByOne() {
        PluginAudit audit = new PluginAudit(context, trail);
        when(framework.getState()).thenReturn(Bundle.STOPPING);
        audit.bundleChanged(new BundleEvent(BundleEvent.STOPPED, bundle(88, "org.civicgrid.plugin.patrol", "1.2.0", "patrol")));
        audit.stop();

        verify(trail, times(0)).record(any());
    }

    @Test
    void anUnreachableTrailNeitherBreaksNorStopsTheRecording() {
        doThrow(new IllegalStateException("database down")).doNothing().when(trail).record(any());
        PluginAudit audit = new PluginAudit(context, trail);
        Bundle patrol = bundle(88, "org.civicgrid.plugin.patrol", "1.2.0", "patrol");
        assertThatCode(() -> audit.bundleChanged(new BundleEvent(BundleEvent.INSTALLED, patrol))).doesNotThrowAnyException();
        audit.bundleChanged(new BundleEvent(BundleEvent.STARTED, patrol));
        audit.stop();

        assertThat(recorded(2)).extracting(AuditEntry::action).containsExactly("plugin.install", "plugin.start");
    }

    @Test
    void theFrameworksEventThreadDoesNotWaitForTheTrail() throws Exception {
        CountDownLatch lockHeldElsewhere = new CountDownLatch(1);
        doAnswer(invocation -> lockHeldElsewhere.await(30, TimeUnit.SECONDS)).when(trail).record(any());
        PluginAudit audit = new PluginAudit(context, trail);
        Bundle patrol = bundle(88, "org.civicgrid.plugin.patrol", "1.2.0", "patrol");
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            audit.bundleChanged(new BundleEvent(BundleEvent.INSTALLED, patrol));
            audit.bundleChanged(new BundleEvent(BundleEvent.STARTED, patrol));
        });
        lockHeldElsewhere.countDown();
        audit.stop();

        assertThat(recorded(2)).extracting(AuditEntry::action).containsExactly("plugin.install", "plugin.start");
    }

    private List<AuditEntry> recorded(int count) {
        ArgumentCaptor<AuditEntry> entries = ArgumentCaptor.forClass(AuditEntry.class);
        verify(trail, times(count)).record(entries.capture());
        return entries.getAllValues();
    }

    private static Bundle bundle(long id, String symbolicName, String version, String pluginHeader) {
        Bundle bundle = mock(Bundle.class);
        Hashtable<String, String> headers = new Hashtable<>();
        headers.put(Constants.BUNDLE_SYMBOLICNAME, symbolicName);
        if (pluginHeader != null) {
            headers.put("Civicgrid-Plugin", pluginHeader);
        }
        when(bundle.getHeaders("")).thenReturn(headers);
        when(bundle.getBundleId()).thenReturn(id);
        when(bundle.getSymbolicName()).thenReturn(symbolicName);
        when(bundle.getVersion()).thenReturn(Version.parseVersion(version));
        when(bundle.getLocation()).thenReturn("mvn:org.civicgrid/" + symbolicName + "/" + version);
        return bundle;
    }
}
