package org.civicgrid.core.grid.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.grid.ImportReport;
import org.civicgrid.core.api.grid.ImportReport.RowProblem;
import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;

/**
 * Validates import rows and writes them all or none. Every row is checked and every problem reported; only when
 * no row has one is anything written, in one transaction. A grid code (or normalised address) already stored is
 * an update: the row replaces it and the report lists it under {@code updated}.
 */
final class GridImport {

    static final int NAME_MAX = 100;
    private static final Pattern GRID_CODE = Pattern.compile("\\d{15}");
    private static final Pattern VILLAGE_CODE = Pattern.compile("\\d{12}");

    private final GridStore store;
    private final RegionService regions;

    GridImport(GridStore store, RegionService regions) {
        this.store = store;
        this.regions = regions;
    }

    ImportReport grids(Caller caller, List<GridRow> rows) {
        List<RowProblem> problems = new ArrayList<>();
        List<GridDraft> drafts = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        Map<String, Optional<Region>> villages = new HashMap<>();
        for (GridRow row : rows) {
            List<String> wrong = check(caller, row, villages);
            if (row.code() != null && wrong.isEmpty()) {
                Integer earlier = firstRow.putIfAbsent(row.code(), row.row());
                if (earlier != null) {
                    wrong.add("The code is also on row " + earlier + ": a file names each grid once.");
                }
            }
            if (wrong.isEmpty()) {
                drafts.add(new GridDraft(row.code(), row.name(), row.parent(), GridGeometry.toGeoJson(row.geometry())));
            } else {
                wrong.forEach(message -> problems.add(new RowProblem(row.row(), row.code(), message)));
            }
        }
        Set<String> existing = store.existing(drafts.stream().map(GridDraft::code).toList());
        List<String> updated = drafts.stream().map(GridDraft::code).filter(existing::contains).toList();
        if (!problems.isEmpty()) {
            return new ImportReport(false, drafts.size(), problems, updated);
        }
        store.write(drafts);
        return new ImportReport(true, drafts.size(), List.of(), updated);
    }

    /** Address rows are {@code {address as written, grid code}}. */
    ImportReport addresses(Caller caller, List<String[]> rows) {
        List<RowProblem> problems = new ArrayList<>();
        List<AddressDraft> drafts = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        List<Integer> rowOfDraft = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = i + 1;
            String original = rows.get(i)[0];
            String grid = rows.get(i)[1];
            String address = StandardAddress.normalise(original);
            String problem;
            if (address.isEmpty()) {
                problem = "The address is empty.";
            } else if (address.length() > StandardAddress.MAX_LENGTH || original.length() > 500) {
                problem = "The address is too long: at most " + StandardAddress.MAX_LENGTH + " characters once normalised.";
            } else if (!GRID_CODE.matcher(grid).matches()) {
                problem = "The grid code must have 15 digits, not \"" + grid + "\".";
            } else if (!caller.reaches(grid)) {
                problem = outside(caller, grid);
            } else if (firstRow.containsKey(address)) {
                problem = "Row " + firstRow.get(address) + " has the same address once normalised (" + address
                        + "): a file names each address once.";
            } else {
                problem = null;
                firstRow.put(address, row);
                drafts.add(new AddressDraft(address, original.strip(), grid));
                rowOfDraft.add(row);
            }
            if (problem != null) {
                problems.add(new RowProblem(row, grid, problem));
            }
        }
        // Only grids the caller reaches are looked up, so the answer says nothing about anyone else's grids.
        Set<String> grids = store.existing(drafts.stream().map(AddressDraft::gridCode).toList());
        List<AddressDraft> known = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            AddressDraft draft = drafts.get(i);
            if (grids.contains(draft.gridCode())) {
                known.add(draft);
            } else {
                problems.add(new RowProblem(rowOfDraft.get(i), draft.gridCode(),
                        "There is no grid " + draft.gridCode() + ": import the grid first."));
            }
        }
        problems.sort((a, b) -> Integer.compare(a.row(), b.row()));
        Set<String> existing = store.existingAddresses(known.stream().map(AddressDraft::address).toList());
        List<String> updated = known.stream().map(AddressDraft::address).filter(existing::contains).toList();
        if (!problems.isEmpty()) {
            return new ImportReport(false, known.size(), problems, updated);
        }
        store.writeAddresses(known);
        return new ImportReport(true, known.size(), List.of(), updated);
    }

    private List<String> check(Caller caller, GridRow row, Map<String, Optional<Region>> villages) {
        List<String> wrong = new ArrayList<>();
        String code = row.code();
        if (code == null) {
            wrong.add("The code is missing.");
        } else if (!GRID_CODE.matcher(code).matches()) {
            wrong.add("The code must have 15 digits (the village/community's 12 and a 3-digit sequence), not \""
                    + code + "\".");
        } else if (!caller.reaches(code)) {
            // Nothing else is checked: the row says nothing about what exists outside the caller's region.
            wrong.add(outside(caller, code));
            return wrong;
        }
        String parent = row.parent();
        if (parent == null) {
            wrong.add("The parent (the village/community's 12-digit code) is missing.");
        } else if (!VILLAGE_CODE.matcher(parent).matches()) {
            wrong.add("The parent must be a village/community's 12-digit code, not \"" + parent + "\".");
        } else if (!caller.reaches(parent)) {
            wrong.add(outside(caller, parent));
        } else {
            Optional<Region> village = villages.computeIfAbsent(parent, regions::find);
            if (village.isEmpty()) {
                wrong.add("The parent " + parent + " is not a village/community of this platform.");
            } else if (village.get().level() != RegionLevel.VILLAGE) {
                wrong.add("The parent " + parent + " (" + village.get().name() + ") is a "
                        + village.get().level().name().toLowerCase() + "; a grid belongs to a village/community.");
            } else if (code != null && GRID_CODE.matcher(code).matches() && !code.startsWith(parent)) {
                wrong.add("The code must start with its parent's code " + parent + ".");
            }
        }
        if (row.name() == null) {
            wrong.add("The name is missing.");
        } else if (row.name().length() > NAME_MAX) {
            wrong.add("The name has " + row.name().length() + " characters; at most " + NAME_MAX + " are kept.");
        }
        if (row.geometryProblem() != null) {
            wrong.add(row.geometryProblem());
        } else {
            GridGeometry.problem(row.geometry()).ifPresent(wrong::add);
        }
        return wrong;
    }

    private static String outside(Caller caller, String code) {
        return code + " lies outside your region " + caller.regionCode() + ".";
    }
}
