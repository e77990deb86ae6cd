package org.civicgrid.plugin.patrol.internal;

import org.civicgrid.core.api.cases.CaseCategory;
import org.osgi.service.component.annotations.Component;

/** Cases can be filed as patrol hazards (巡防隐患) while the patrol plug-in is installed. */
@Component(service = CaseCategory.class)
public class PatrolHazardCategory implements CaseCategory {

    static final String CODE = "patrol-hazard";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String name() {
        return "巡防发现隐患";
    }

    @Override
    public int handleHours() {
        // A hazard seen on a walk (a broken railing, a gas smell, a loose wire) wants a response within two working days.
        return 16;
    }
}
