package org.civicgrid.plugin.mentalhealth.internal;

import java.util.EnumSet;
import java.util.Set;

import org.civicgrid.core.api.directory.Caller;
import org.civicgrid.core.api.directory.Role;
import org.civicgrid.core.api.rest.ProblemException;

/**
 * Who may do what. Identities, answers, scores, tiers, referrals and alerts are for counsellors (心理咨询师 /
 * 精防医生, the one mental-health role of the platform) of the person's region only; grid staff may flag a
 * person for screening without reading anything back; staff who plan and supervise see anonymised figures.
 */
final class Access {

    /** May flag a person for screening. */
    static final Set<Role> FLAGGING = EnumSet.of(Role.GRID_WORKER, Role.GRID_LEADER, Role.COUNSELLOR);

    /** May run screening campaigns (not sensitive: a name, a region, instruments and dates). */
    static final Set<Role> CAMPAIGNS = EnumSet.of(Role.COUNSELLOR, Role.COUNTY_ADMIN, Role.CITY_ADMIN);

    /** May see campaigns and anonymised figures. */
    static final Set<Role> FIGURES = EnumSet.of(Role.COUNSELLOR, Role.COUNTY_ADMIN, Role.CITY_ADMIN,
            Role.COMMAND_OPERATOR, Role.GRID_LEADER, Role.GRID_WORKER);

    private Access() {
    }

    static void require(Caller caller, Set<Role> roles, String what) {
        if (caller.roles().stream().noneMatch(roles::contains)) {
            throw new ProblemException(403, "Forbidden", what + " is open to " + roles + " only.");
        }
    }

    static void requireCounsellor(Caller caller) {
        if (!caller.has(Role.COUNSELLOR)) {
            throw new ProblemException(403, "Forbidden", "Only counsellors (COUNSELLOR) of a person's region see "
                    + "identities, answers and care records; others see anonymised figures at /api/mentalhealth/figures.");
        }
    }

    static void requireReach(Caller caller, String regionCode) {
        if (!caller.reaches(regionCode)) {
            throw new ProblemException(403, "Forbidden", "Region " + regionCode + " is outside your area.");
        }
    }
}
