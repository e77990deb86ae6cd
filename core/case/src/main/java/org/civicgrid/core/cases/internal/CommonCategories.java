package org.civicgrid.core.cases.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import org.civicgrid.core.api.cases.CaseCategory;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The categories every county starts with, after the event classes of digital urban management (GB/T 30428):
 * registered as {@link CaseCategory} services like any plug-in's.
 */
@Component(immediate = true)
public class CommonCategories {

    record Common(String code, String name, int handleHours) implements CaseCategory {
    }

    static final List<Common> ALL = List.of(
            new Common("street-light", "路灯故障", 16),
            new Common("manhole", "井盖缺失破损", 8),
            new Common("road-damage", "道路破损", 24),
            new Common("sanitation", "环境卫生", 8),
            new Common("illegal-building", "违章搭建", 40),
            new Common("illegal-parking", "违法停车", 4),
            new Common("noise", "噪声扰民", 8),
            new Common("safety-hazard", "安全隐患", 8),
            new Common("neighbour-dispute", "邻里纠纷", 24),
            new Common("other", "其他", 0));

    private final List<ServiceRegistration<CaseCategory>> registrations = new ArrayList<>();

    @Activate
    public CommonCategories(BundleContext context) {
        for (Common category : ALL) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("civicgrid.case.category", category.code());
            registrations.add(context.registerService(CaseCategory.class, category, properties));
        }
    }

    @Deactivate
    void close() {
        registrations.forEach(registration -> {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // Already gone with the bundle.
            }
        });
    }
}
