package org.civicgrid.core.api.grid;

import java.util.List;
import java.util.Optional;

import org.civicgrid.core.api.directory.Caller;

/**
 * The grids of the platform. Every method acts for a caller and only inside the caller's region subtree:
 * grids outside it are neither returned nor changed.
 *
 * @since 1.0
 */
@org.osgi.annotation.versioning.ProviderType
public interface GridService {

    /**
     * @param caller who asks
     * @param code a grid code
     * @return the grid, if it exists within the caller's subtree
     * @since 1.0
     */
    Optional<Grid> find(Caller caller, String code);

    /**
     * @param caller who asks
     * @param regionCode a region within the caller's subtree
     * @return the grids under it, ordered by code
     * @since 1.0
     */
    List<Grid> within(Caller caller, String regionCode);

    /**
     * The grid that contains a point.
     *
     * @param caller who asks
     * @param longitude WGS 84 longitude
     * @param latitude WGS 84 latitude
     * @return the grid containing the point, if any within the caller's subtree
     * @since 1.0
     */
    Optional<Grid> locate(Caller caller, double longitude, double latitude);

    /**
     * The grid of an address, through the standard address library.
     *
     * @param caller who asks
     * @param address an address as a person writes it
     * @return the grid its normalised form maps to, if the library knows it
     * @since 1.0
     */
    Optional<Grid> locate(Caller caller, String address);

    /**
     * The code of the grid that contains a point, found in the in-memory point index without reading the grid
     * itself: for placing a report, which keeps only the code. Same answer as {@code locate(…).map(Grid::code)}.
     *
     * @param caller who asks
     * @param longitude WGS 84 longitude
     * @param latitude WGS 84 latitude
     * @return the code of the grid containing the point, if any within the caller's subtree
     * @since 1.1
     */
    Optional<String> codeAt(Caller caller, double longitude, double latitude);

    /**
     * The code of the grid of an address, through the standard address library, without reading the grid itself.
     * Same answer as {@code locate(caller, address).map(Grid::code)}.
     *
     * @param caller who asks
     * @param address an address as a person writes it
     * @return the code of the grid its normalised form maps to, if the library knows it
     * @since 1.1
     */
    Optional<String> codeOf(Caller caller, String address);

    /**
     * Imports grids from a GeoJSON FeatureCollection of polygons whose properties carry {@code code},
     * {@code name} and {@code parent} (the village/community code). All or nothing.
     *
     * @param caller an administrator whose subtree contains every grid of the file
     * @param geoJson the file's content
     * @return what was imported, or why nothing was
     * @since 1.0
     */
    ImportReport importGeoJson(Caller caller, String geoJson);

    /**
     * Imports grids from CSV with the header {@code code,name,parent,wkt} (WKT polygon). All or nothing.
     *
     * @param caller an administrator whose subtree contains every grid of the file
     * @param csv the file's content
     * @return what was imported, or why nothing was
     * @since 1.0
     */
    ImportReport importCsv(Caller caller, String csv);

    /**
     * Imports standard addresses from CSV with the header {@code address,grid}. All or nothing.
     *
     * @param caller an administrator whose subtree contains every grid named
     * @param csv the file's content
     * @return what was imported, or why nothing was
     * @since 1.0
     */
    ImportReport importAddresses(Caller caller, String csv);

    /**
     * @param caller who asks
     * @param regionCode a region within the caller's subtree
     * @return its grids as a GeoJSON FeatureCollection (properties code, name, parent)
     * @since 1.0
     */
    String exportGeoJson(Caller caller, String regionCode);

    /**
     * Sets who works a grid: its grid workers (网格员) and its grid leader (网格长), replacing the previous ones.
     * For command centres and county and city administrators; every person must be an enabled user of the caller's
     * area holding the right role, in a region that contains the grid.
     *
     * @param caller who assigns
     * @param code a grid within the caller's subtree
     * @param workers user ids of grid workers (at most 20; none to clear)
     * @param leader user id of the grid leader, or {@code null} for none
     * @return the grid as it is now
     * @since 1.0
     */
    Grid staff(Caller caller, String code, List<String> workers, String leader);
}
