package org.civicgrid.itests;

/** Small GeoJSON documents for grid imports, as a county's GIS export would send them. */
final class GeoJson {

    private GeoJson() {
    }

    /** A square polygon's rings, about a kilometre a side, from its south-west corner (WGS 84). */
    static String square(double lon, double lat) {
        double d = 0.01;
        return "[[[" + lon + "," + lat + "],[" + (lon + d) + "," + lat + "],[" + (lon + d) + "," + (lat + d) + "],["
                + lon + "," + (lat + d) + "],[" + lon + "," + lat + "]]]";
    }

    /** A grid as a feature: its code, name and the village it belongs to, with polygon rings. */
    static String feature(String code, String name, String parent, String coordinates) {
        return "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"name\":\"" + name + "\",\"parent\":\""
                + parent + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}}";
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }
}
