package org.civicgrid.core.api.directory;

/**
 * The roles of the platform. A user may hold several; each is exercised inside the user's region subtree.
 *
 * @since 1.0
 */
public enum Role {
    /** 群众: reports problems and rates results. */
    RESIDENT,
    /** 网格员: patrols a grid, reports and verifies. */
    GRID_WORKER,
    /** 网格长: supervises several grids. */
    GRID_LEADER,
    /** 指挥中心 operator: registers, dispatches, supervises and escalates cases. */
    COMMAND_OPERATOR,
    /** 职能部门 handler: handles the cases dispatched to the unit. */
    DEPARTMENT_HANDLER,
    /** 调解员. */
    MEDIATOR,
    /** 心理咨询师 / 精防医生. */
    COUNSELLOR,
    /** Administers one county: grids, users, routing, deadlines. */
    COUNTY_ADMIN,
    /** Administers the city. */
    CITY_ADMIN,
    /**
     * Security administrator (安全管理员): accounts and roles of a region. Of the three administrator duties
     * (三权分立: system, security, audit) one account holds at most one.
     */
    SECURITY_ADMIN,
    /** Audit administrator (审计管理员): reads, verifies and exports the audit trail of a region; nothing else. */
    AUDIT_ADMIN;

    /**
     * @return whether this is an administrator role (system, security or audit administration): an account holding
     *         one signs in with a second factor as well as its password
     * @since 1.2
     */
    public boolean administrator() {
        return this == COUNTY_ADMIN || this == CITY_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }
}
