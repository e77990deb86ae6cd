package org.civicgrid.plugin.patrol.internal;

/** Distances on the earth between WGS 84 longitude/latitude points (haversine on the mean earth radius). */
final class GreatCircle {

    /** The mean earth radius (IUGG), in metres; the error against the ellipsoid stays below 0.5 %. */
    static final double EARTH_RADIUS_METRES = 6_371_008.8;

    private GreatCircle() {
    }

    /** The great-circle distance in metres between two points given in degrees. */
    static double metres(double lon1, double lat1, double lon2, double lat2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    /** Whether a longitude/latitude pair is a plausible WGS 84 position in China. */
    static boolean inChina(double longitude, double latitude) {
        return longitude >= 73 && longitude <= 136 && latitude >= 3 && latitude <= 54;
    }
}
