package com.countyleague.account;

/** What an account may do. Admins and secretaries reach an organisation's subtree; the county admin reaches all. */
public enum Role {
    COUNTY_ADMIN,
    ORG_ADMIN,
    BRANCH_SECRETARY,
    GROUP_LEADER,
    MEMBER;

    public String authority() {
        return "ROLE_" + name();
    }

    /** County admins, organisation admins and branch secretaries: the staff who keep a unit's ledgers and run its work. */
    public boolean isStaff() {
        return isAdmin() || this == BRANCH_SECRETARY;
    }

    /** County and organisation admins: they shape the tree and manage accounts. */
    public boolean isAdmin() {
        return this == COUNTY_ADMIN || this == ORG_ADMIN;
    }

    /** Roles whose reach is the subtree of the organisation their account is bound to. */
    public boolean isOrganizationScoped() {
        return this == ORG_ADMIN || this == BRANCH_SECRETARY;
    }

    /** Whether an account of this role may create or change accounts of the other role. */
    public boolean mayGrant(Role other) {
        return switch (this) {
            case COUNTY_ADMIN -> true;
            case ORG_ADMIN -> other != COUNTY_ADMIN;
            default -> false;
        };
    }
}
