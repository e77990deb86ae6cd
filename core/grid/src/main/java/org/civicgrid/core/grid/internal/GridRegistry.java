package org.civicgrid.core.grid.internal;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.DirectoryService;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.directory.User;
import org.civicgrid.core.api.grid.Grid;
import org.civicgrid.core.api.grid.GridService;
import org.civicgrid.core.api.grid.ImportReport;
import org.civicgrid.core.api.persistence.SchemaReady;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;
import org.civicgrid.core.api.security.AuditEntry;
import org.civicgrid.core.api.security.AuditTrail;
import org.json.simple.JSONObject;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicy;
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
    private final DirectoryService directory;

    @Reference(policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public GridRegistry(@Reference(target = SCHEMA) SchemaReady schema,
                        @Reference(target = UNIT) JpaTemplate jpa,
                        @Reference RegionService regions,
                        @Reference DirectoryService directory) {
        this(new JpaGridStore(jpa), regions, System::nanoTime, directory);
    }

    GridRegistry(GridStore store, RegionService regions, LongSupplier nanoClock) {
        this(store, regions, nanoClock, null);
    }

    GridRegistry(GridStore store, RegionService regions, LongSupplier nanoClock, DirectoryService directory) {
        this.directory = directory;
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
        return codeAt(caller, longitude, latitude).flatMap(store::find).map(StoredGrid::toGrid);
    }

    @Override
    public Optional<Grid> locate(Caller caller, String address) {
        return codeOf(caller, address).flatMap(store::find).map(StoredGrid::toGrid);
    }

    @Override
    public Optional<String> codeAt(Caller caller, double longitude, double latitude) {
        if (!Double.isFinite(longitude) || !Double.isFinite(latitude)) {
            return Optional.empty();
        }
        return locator.codesAt(longitude, latitude).stream()
                .filter(caller::reaches)
                .findFirst();
    }

    @Override
    public Optional<String> codeOf(Caller caller, String address) {
        String normalised = address == null ? "" : StandardAddress.normalise(address);
        if (normalised.length() < StandardAddress.MIN_PREFIX) {
            return Optional.empty();
        }
        return store.gridOfAddress(StandardAddress.lookupCandidates(normalised))
                .filter(caller::reaches);
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

    static final int WORKERS_MAX = 20;

    @Override
    public Grid staff(Caller caller, String code, List<String> workers, String leader) {
        if (!caller.has(Role.COUNTY_ADMIN) && !caller.has(Role.CITY_ADMIN) && !caller.has(Role.COMMAND_OPERATOR)) {
            throw new ProblemException(403, "Forbidden",
                    "Assigning grid workers is for command centres and county and city administrators.");
        }
        if (code == null || !caller.reaches(code) || store.find(code).isEmpty()) {
            throw ProblemException.notFound("No grid with code " + code + ".");
        }
        List<String> ids = (workers == null ? List.<String>of() : workers).stream()
                .map(id -> id == null ? "" : id.strip()).distinct().toList();
        if (ids.size() > WORKERS_MAX) {
            throw ProblemException.badRequest("A grid has at most " + WORKERS_MAX + " grid workers; " + ids.size() + " were named.");
        }
        for (String id : ids) {
            requireStaff(caller, code, id, Role.GRID_WORKER, "a grid worker");
        }
        String head = leader == null || leader.isBlank() ? null : leader.strip();
        if (head != null) {
            requireStaff(caller, code, head, Role.GRID_LEADER, "a grid leader");
        }
        store.staff(code, ids, head);
        LOG.info("{} set the staff of grid {}: workers {}, leader {}", caller.userId(), code, ids, head);
        audited(AuditEntry.ok(caller.userId(), "grid.staff", "grid", code, code, "workers " + ids + ", leader " + head));
        return store.find(code).map(StoredGrid::toGrid).orElseThrow();
    }

    private void requireStaff(Caller caller, String grid, String id, Role role, String what) {
        User user = (id.isEmpty() ? Optional.<User>empty() : directory.user(caller, id)).orElseThrow(
                () -> ProblemException.badRequest("No user '" + id + "' in your area."));
        if (!user.enabled()) {
            throw ProblemException.badRequest(id + " is disabled.");
        }
        if (!user.roles().contains(role)) {
            throw ProblemException.badRequest(id + " is not " + what + " (roles " + user.roles() + ").");
        }
        if (user.regionCode() == null || !grid.startsWith(user.regionCode())) {
            throw ProblemException.badRequest(id + " works in region " + user.regionCode() + ", which does not contain grid "
                    + grid + ".");
        }
    }

    private void audited(AuditEntry entry) {
        AuditTrail trail = audit;
        if (trail == null) {
            return;
        }
        try {
            trail.record(entry);
        } catch (RuntimeException e) {
            LOG.error("A committed grid change could not be added to the audit trail: {}", e.toString());
        }
    }

    /** The point index, for the shell and tests. */
    GridLocator locator() {
        return locator;
    }

    private ImportReport logged(Caller caller, String what, ImportReport report) {
        if (report.applied()) {
            locator.refresh();
            LOG.info("{} imported {} {} ({} updated)", caller.userId(), report.accepted(), what, report.updated().size());
            audited(AuditEntry.ok(caller.userId(), "grid.import", "grid", null, caller.regionCode(),
                    report.accepted() + " " + what + " (" + report.updated().size() + " updated)"));
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
