package org.civicgrid.plugin.patrol.internal;

import java.util.EnumSet;
import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ProblemException;

/**
 * Who may do what. Managing teams, routes and shifts: county and city administrators, command-centre operators
 * and grid leaders, in their region. Check-ins and hazard reports: a member on the shift's roster, or staff on a
 * member's behalf (grid leader, command-centre operator, county administrator of the area). Anything outside the
 * caller's region is answered as missing, unless the caller is a member of the team.
 */
final class PatrolAccess {

    static final Set<Role> MANAGERS = EnumSet.of(Role.COUNTY_ADMIN, Role.CITY_ADMIN, Role.COMMAND_OPERATOR,
            Role.GRID_LEADER);
    static final Set<Role> ON_BEHALF = EnumSet.of(Role.GRID_LEADER, Role.COMMAND_OPERATOR, Role.COUNTY_ADMIN);

    private PatrolAccess() {
    }

    static boolean manages(Caller caller, String regionCode) {
        return caller.reaches(regionCode) && caller.roles().stream().anyMatch(MANAGERS::contains);
    }

    static boolean actsOnBehalf(Caller caller, String regionCode) {
        return caller.reaches(regionCode) && caller.roles().stream().anyMatch(ON_BEHALF::contains);
    }

    static void requireManagerRole(Caller caller) {
        if (caller.roles().stream().noneMatch(MANAGERS::contains)) {
            throw forbidden("Managing patrols is open to " + MANAGERS + ".");
        }
    }

    /** A region the caller manages; 403 outside their area (a region code is no secret). */
    static void requireManaged(Caller caller, String regionCode) {
        requireManagerRole(caller);
        if (!caller.reaches(regionCode)) {
            throw forbidden("Region " + regionCode + " is outside your area.");
        }
    }

    /**
     * Whether the caller may see a team's things: a manager of its region or one of its members. Outside the
     * caller's region and not a member: missing (404); inside it without the role: 403.
     */
    static void requireVisible(Caller caller, String regionCode, boolean member, String what) {
        if (member || manages(caller, regionCode)) {
            return;
        }
        if (!caller.reaches(regionCode)) {
            throw ProblemException.notFound("No " + what + " in your area.");
        }
        throw forbidden("Only the team's members and " + MANAGERS + " of its area see " + what + ".");
    }

    static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field + " is required.");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ProblemException.badRequest(field + " has " + v.length() + " characters; at most " + max + ".");
        }
        return v;
    }

    static void requirePosition(String what, Double longitude, Double latitude) {
        if (longitude == null || latitude == null) {
            throw ProblemException.badRequest(what + ": longitude and latitude (WGS 84 degrees) are required.");
        }
        if (!Double.isFinite(longitude) || !Double.isFinite(latitude) || !GreatCircle.inChina(longitude, latitude)) {
            throw ProblemException.badRequest(what + ": longitude/latitude " + longitude + "," + latitude
                    + " is not in China (WGS 84 degrees, longitude first).");
        }
    }
}
