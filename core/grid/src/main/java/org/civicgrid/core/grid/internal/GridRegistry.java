package org.civicgrid.core.grid.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.grid.Grid;
import org.civicgrid.core.api.grid.GridService;
import org.civicgrid.core.api.grid.ImportReport;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.json.simple.JSONObject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grids in {@code cg_grid}, looked up by point through {@link GridLocator}. Every method works inside the
 * caller's region subtree only: a grid outside it is answered exactly like one that does not exist.
 */
@Component(service = GridService.class, immediate = true)
public class GridRegistry implements GridService {

    static final String SCHEMA = "(" + SchemaReady.OWNER + "=org.civicgrid.core.grid)";
    static final String UNIT = "(osgi.unit.name=civicgrid-grid)";

    private static final Logger LOG = LoggerFactory.getLogger(GridRegistry.class);

    private final GridStore store;
    private final GridImport imports;
    private final GridLocator locator;

    @Activate
    public GridRegistry(@Reference(target = SCHEMA) SchemaReady schema,
                        @Reference(target = UNIT) JpaTemplate jpa,
                        @Reference RegionService regions) {
        this(new JpaGridStore(jpa), regions, System::nanoTime);
    }

    GridRegistry(GridStore store, RegionService regions, LongSupplier nanoClock) {
        this.store = store;
        this.imports = new GridImport(store, regions);
        this.locator = new GridLocator(store, nanoClock);
    }

    @Override
    public Optional<Grid> find(Caller caller, String code) {
        if (!caller.reaches(code)) {
            return Optional.empty();
        }
        return store.find(code).map(StoredGrid::toGrid);
    }

    @Override
    public List<Grid> within(Caller caller, String regionCode) {
        return visiblePrefix(caller, regionCode)
                .map(prefix -> store.within(prefix).stream().map(StoredGrid::toGrid).toList())
                .orElse(List.of());
    }

    @Override
    public Optional<Grid> locate(Caller caller, double longitude, double latitude) {
        if (!Double.isFinite(longitude) || !Double.isFinite(latitude)) {
            return Optional.empty();
        }
        return locator.codesAt(longitude, latitude).stream()
                .filter(caller::reaches)
                .findFirst()
                .flatMap(store::find)
                .map(StoredGrid::toGrid);
    }

    @Override
    public Optional<Grid> locate(Caller caller, String address) {
        String normalised = StandardAddress.normalise(address);
        if (normalised.length() < StandardAddress.MIN_PREFIX) {
            return Optional.empty();
        }
        return store.gridOfAddress(StandardAddress.lookupCandidates(normalised))
                .filter(caller::reaches)
                .flatMap(store::find)
                .map(StoredGrid::toGrid);
    }

    @Override
    public ImportReport importGeoJson(Caller caller, String geoJson) {
        requireAdministrator(caller);
        return logged(caller, "GeoJSON grids", imports.grids(caller, ImportFiles.gridGeoJson(geoJson)));
    }

    @Override
    public ImportReport importCsv(Caller caller, String csv) {
        requireAdministrator(caller);
        return logged(caller, "CSV grids", imports.grids(caller, ImportFiles.gridCsv(csv)));
    }

    @Override
    public ImportReport importAddresses(Caller caller, String csv) {
        requireAdministrator(caller);
        return logged(caller, "addresses", imports.addresses(caller, ImportFiles.addressCsv(csv)));
    }

    @Override
    public String exportGeoJson(Caller caller, String regionCode) {
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        boolean first = true;
        for (Grid grid : within(caller, regionCode)) {
            out.append(first ? "" : ",")
                    .append("{\"type\":\"Feature\",\"properties\":{\"code\":\"").append(grid.code())
                    .append("\",\"name\":\"").append(JSONObject.escape(grid.name()))
                    .append("\",\"parent\":\"").append(grid.villageCode())
                    .append("\"},\"geometry\":").append(grid.geometry()).append('}');
            first = false;
        }
        return out.append("]}").toString();
    }

    /** The point index, for the shell and tests. */
    GridLocator locator() {
        return locator;
    }

    private ImportReport logged(Caller caller, String what, ImportReport report) {
        if (report.applied()) {
            locator.refresh();
            LOG.info("{} imported {} {} ({} updated)", caller.userId(), report.accepted(), what, report.updated().size());
        } else {
            LOG.warn("{}'s import of {} refused: {} problems in {} rows", caller.userId(), what,
                    report.problems().size(), report.problems().stream().mapToInt(p -> p.row()).distinct().count());
        }
        return report;
    }

    /**
     * The code prefix of the grids both under the region and in the caller's subtree: the longer of the two codes
     * when one contains the other, nothing otherwise.
     */
    private static Optional<String> visiblePrefix(Caller caller, String regionCode) {
        if (regionCode == null || !regionCode.matches("\\d{2,15}")) {
            return Optional.empty();
        }
        if (caller.reaches(regionCode)) {
            return Optional.of(regionCode);
        }
        return caller.regionCode().startsWith(regionCode) ? Optional.of(caller.regionCode()) : Optional.empty();
    }

    private static void requireAdministrator(Caller caller) {
        if (!caller.has(Role.COUNTY_ADMIN) && !caller.has(Role.CITY_ADMIN)) {
            throw new ProblemException(403, "Forbidden",
                    "Importing grids and addresses is for county and city administrators.");
        }
    }
}
