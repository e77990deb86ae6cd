package org.civicgrid.core.cases.internal;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Configuration Admin in memory, as much of it as the administration of routing and deadlines uses. */
final class FakeConfigurations {

    final ConfigurationAdmin admin = mock(ConfigurationAdmin.class);
    /** The configurations by PID, with their factory PID and properties. */
    final Map<String, Hashtable<String, Object>> stored = new LinkedHashMap<>();

    FakeConfigurations() throws Exception {
        when(admin.listConfigurations(any())).thenAnswer(call -> {
            String filter = call.getArgument(0);
            org.osgi.framework.Filter ldap = filter == null ? null : FrameworkUtil.createFilter(filter);
            Configuration[] found = stored.keySet().stream().filter(pid -> ldap == null
                    || ldap.match(stored.get(pid))).map(this::configuration).toArray(Configuration[]::new);
            return found.length == 0 ? null : found;
        });
        when(admin.getFactoryConfiguration(anyString(), anyString(), anyString())).thenAnswer(call -> {
            String pid = call.getArgument(0) + "~" + call.getArgument(1);
            Configuration c = configuration(pid);
            factoryOf.put(pid, call.getArgument(0));
            return c;
        });
    }

    private final Map<String, String> factoryOf = new LinkedHashMap<>();

    /** Puts a configuration as if a file in etc/ held it. */
    void file(String factoryPid, String pid, String fileName, Map<String, Object> properties) {
        Hashtable<String, Object> p = new Hashtable<>(properties);
        p.put("felix.fileinstall.filename", "file:/opt/civicgrid/etc/" + fileName);
        p.put("service.pid", pid);
        if (factoryPid != null) {
            p.put("service.factoryPid", factoryPid);
        }
        stored.put(pid, p);
    }

    private Configuration configuration(String pid) {
        Configuration c = mock(Configuration.class);
        when(c.getPid()).thenReturn(pid);
        when(c.getProperties()).thenAnswer(call -> {
            Hashtable<String, Object> p = stored.get(pid);
            return p == null ? null : new Hashtable<>(p);
        });
        try {
            doAnswer(call -> {
                Dictionary<String, Object> given = call.getArgument(0);
                Hashtable<String, Object> p = new Hashtable<>();
                for (String key : Collections.list(given.keys())) {
                    p.put(key, given.get(key));
                }
                p.put("service.pid", pid);
                String factory = factoryOf.get(pid);
                if (factory == null && stored.containsKey(pid)) {
                    factory = (String) stored.get(pid).get("service.factoryPid");
                }
                if (factory != null) {
                    p.put("service.factoryPid", factory);
                }
                stored.put(pid, p);
                return null;
            }).when(c).update(any());
            doAnswer(call -> stored.remove(pid)).when(c).delete();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return c;
    }
}
