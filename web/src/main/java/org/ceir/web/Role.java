package org.ceir.web;

/** What a member of staff may do; a user has one or more. */
public enum Role {
    /** Manages users and settings. */
    ADMIN,
    /** Investigates clone cases and decides appeals. */
    ANALYST,
    /** Files appeals and registrations at a post office for citizens who show their ID. */
    CLERK,
    /** An operator's system or staff: asks device checks and exchanges lists. */
    OPERATOR,
    /** Reads everything, changes nothing: the audit log, decisions, figures. */
    AUDITOR;

    /** The role named {@code name} in any case, or an error listing the roles. */
    public static Role parse(String name) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "': one of ADMIN, ANALYST, CLERK, OPERATOR, AUDITOR");
    }
}
