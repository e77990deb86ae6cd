package org.civicgrid.plugin.mentalhealth.internal;

import org.civicgrid.core.api.region.Region;
import org.civicgrid.core.api.region.RegionLevel;
import org.civicgrid.core.api.region.RegionService;
import org.civicgrid.core.api.rest.ProblemException;

/** Checks of request fields; each refusal is a 400 that names the field and never echoes a sensitive value. */
final class Input {

    static final int NAME_MAX = 50;
    static final int NOTE_MAX = 500;
    static final int TARGET_MAX = 100;

    private Input() {
    }

    /** A county, township or village/community of the platform. */
    static Region region(RegionService regions, String code, String field) {
        if (code == null || code.isBlank()) {
            throw ProblemException.badRequest(field + " is required: the division code of the village/community, "
                    + "township or county.");
        }
        Region region = regions.find(code.trim()).orElseThrow(() -> ProblemException.badRequest(
                field + " " + code.trim() + " is not a region of this platform."));
        if (region.level() == RegionLevel.PROVINCE || region.level() == RegionLevel.CITY) {
            throw ProblemException.badRequest(field + " must be a county, township or village/community, not "
                    + region.name() + ".");
        }
        return region;
    }

    static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("name is required.");
        }
        String n = name.strip();
        if (n.length() > NAME_MAX) {
            throw ProblemException.badRequest("name has more than " + NAME_MAX + " characters.");
        }
        return n;
    }

    /** An optional phone number: digits, with an optional leading + and dashes or spaces. */
    static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String p = phone.strip().replaceAll("[\\s-]", "");
        if (!p.matches("\\+?\\d{5,20}")) {
            throw ProblemException.badRequest("phone must be 5-20 digits (an optional leading +).");
        }
        return p;
    }

    /** Free text, optional unless {@code required}. */
    static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.badRequest(field + " is required.");
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw ProblemException.badRequest(field + " has " + v.length() + " characters; at most " + max + " are kept.");
        }
        return v;
    }
}
