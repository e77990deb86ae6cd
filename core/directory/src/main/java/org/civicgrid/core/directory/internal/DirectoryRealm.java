package org.civicgrid.core.directory.internal;

import java.util.HashMap;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Karaf JAAS realm {@value #NAME}, backed by the directory. REST signs users in through it. */
@Component(service = JaasRealm.class, immediate = true)
public class DirectoryRealm implements JaasRealm {

    public static final String NAME = "civicgrid";

    private final AppConfigurationEntry[] entries;

    @Activate
    public DirectoryRealm(BundleContext context, @Reference Authenticator authenticator) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, DirectoryLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(DirectoryLoginModule.AUTHENTICATOR_OPTION, authenticator);
        entries = new AppConfigurationEntry[] {
            new AppConfigurationEntry(ProxyLoginModule.class.getName(),
                    AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)
        };
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 0;
    }

    @Override
    public AppConfigurationEntry[] getEntries() {
        return entries.clone();
    }
}
