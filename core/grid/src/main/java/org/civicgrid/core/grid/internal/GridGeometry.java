package org.civicgrid.core.grid.internal;

import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/** Grid outlines: WGS 84 longitude/latitude polygons, read from WKT or GeoJSON, stored as GeoJSON. */
final class GridGeometry {

    /** Mainland China, Hainan and the South China Sea islands lie within these bounds (with a margin). */
    static final double MIN_LONGITUDE = 73.0;
    static final double MAX_LONGITUDE = 136.0;
    static final double MIN_LATITUDE = 3.0;
    static final double MAX_LATITUDE = 54.0;

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    /** 7 decimals of a degree are about a centimetre: more is noise. */
    private static final int DECIMALS = 7;

    private GridGeometry() {
    }

    static Geometry fromWkt(String wkt) throws ParseException {
        return new WKTReader(FACTORY).read(wkt);
    }

    static Geometry fromGeoJson(String geoJson) throws ParseException {
        return new GeoJsonReader(FACTORY).read(geoJson);
    }

    static String toGeoJson(Geometry geometry) {
        GeoJsonWriter writer = new GeoJsonWriter(DECIMALS);
        writer.setEncodeCRS(false);
        writer.setForceCCW(true);
        return writer.write(geometry);
    }

    /**
     * @return what makes the geometry unfit for a grid outline, if anything
     */
    static Optional<String> problem(Geometry geometry) {
        if (geometry == null || geometry.isEmpty()) {
            return Optional.of("The outline is empty.");
        }
        if (!(geometry instanceof Polygon) && !(geometry instanceof MultiPolygon)) {
            return Optional.of("The outline must be a Polygon or MultiPolygon, not a " + geometry.getGeometryType() + ".");
        }
        for (Coordinate c : geometry.getCoordinates()) {
            if (!(c.x >= MIN_LONGITUDE && c.x <= MAX_LONGITUDE && c.y >= MIN_LATITUDE && c.y <= MAX_LATITUDE)) {
                return Optional.of("The point (" + c.x + " " + c.y + ") lies outside China: give WGS 84 longitude "
                        + MIN_LONGITUDE + "–" + MAX_LONGITUDE + " then latitude " + MIN_LATITUDE + "–" + MAX_LATITUDE
                        + " (longitude first).");
            }
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            return Optional.of("The outline is not a valid polygon: " + error.getMessage()
                    + (at == null ? "" : " at (" + at.x + " " + at.y + ")") + ".");
        }
        return Optional.empty();
    }
}
