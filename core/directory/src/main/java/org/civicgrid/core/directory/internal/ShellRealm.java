package org.civicgrid.core.directory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.config.JaasRealm;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Karaf's own realm {@value #NAME} (the Karaf shell over SSH, and JMX) with the directory in it: the operators'
 * accounts of {@code etc/users.properties} sign in as before, and so do the platform's system administrators, with
 * their password followed by the code of their authenticator app. It is Karaf's realm with the directory added,
 * ranked above it, so that when the directory is down (say, its database is unreachable) Karaf's realm alone
 * takes over again and the operators can still reach the shell to find out why.
 */
@Component(service = JaasRealm.class, immediate = true)
public class ShellRealm implements JaasRealm {

    public static final String NAME = "karaf";
    private static final String MODULE = "org.apache.karaf.jaas.module";

    private final AppConfigurationEntry directory;
    private final List<JaasRealm> realms = new CopyOnWriteArrayList<>();

    @Activate
    public ShellRealm(BundleContext context, @Reference Authenticator authenticator,
                      @Reference SecondFactorCheck secondFactor) {
        Map<String, Object> options = new HashMap<>();
        options.put(ProxyLoginModule.PROPERTY_MODULE, DirectoryLoginModule.class.getName());
        options.put(ProxyLoginModule.PROPERTY_BUNDLE, Long.toString(context.getBundle().getBundleId()));
        options.put(DirectoryLoginModule.AUTHENTICATOR_OPTION, authenticator);
        options.put(DirectoryLoginModule.SECOND_FACTOR_OPTION, secondFactor);
        directory = new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.SUFFICIENT, options);
    }

    @Reference(service = JaasRealm.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRealm(JaasRealm realm) {
        if (realm != this) {
            realms.add(realm);
        }
    }

    void removeRealm(JaasRealm realm) {
        realms.remove(realm);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getRank() {
        return 1;
    }

    /**
     * Karaf's entries, where a password or key that Karaf's files accept is enough (sufficient), then the
     * directory, then whatever else Karaf's realm has (its optional audit modules).
     */
    @Override
    public AppConfigurationEntry[] getEntries() {
        JaasRealm karaf = realms.stream().filter(r -> NAME.equals(r.getName()) && r.getRank() < getRank())
                .max((x, y) -> Integer.compare(x.getRank(), y.getRank())).orElse(null);
        List<AppConfigurationEntry> entries = new ArrayList<>();
        List<AppConfigurationEntry> rest = new ArrayList<>();
        if (karaf != null) {
            for (AppConfigurationEntry entry : karaf.getEntries()) {
                Object module = entry.getOptions().get(MODULE);
                if (module != null && (module.toString().endsWith(".PropertiesLoginModule")
                        || module.toString().endsWith(".PublickeyLoginModule"))) {
                    entries.add(new AppConfigurationEntry(entry.getLoginModuleName(), LoginModuleControlFlag.SUFFICIENT,
                            entry.getOptions()));
                } else {
                    rest.add(entry);
                }
            }
        }
        entries.add(directory);
        entries.addAll(rest);
        return entries.toArray(AppConfigurationEntry[]::new);
    }
}
