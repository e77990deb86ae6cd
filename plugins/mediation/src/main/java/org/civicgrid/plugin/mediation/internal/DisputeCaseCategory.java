package org.civicgrid.plugin.mediation.internal;

import java.util.Optional;

import org.civicgrid.core.api.cases.CaseCategory;
import org.civicgrid.core.api.directory.UnitKind;
import org.osgi.service.component.annotations.Component;

/** Cases can be filed as disputes for mediation while the studio is installed. */
@Component(service = CaseCategory.class)
public class DisputeCaseCategory implements CaseCategory {

    static final String CODE = "mediation-dispute";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public String name() {
        return "矛盾纠纷（调解）";
    }

    @Override
    public int handleHours() {
        // People's mediation commonly runs to a month; a case gets ten working days before supervision.
        return 70;
    }

    @Override
    public Optional<UnitKind> handledBy() {
        // Where the county has no rule for disputes, the nearest people's mediation committee takes them.
        return Optional.of(UnitKind.MEDIATION_COMMITTEE);
    }
}
