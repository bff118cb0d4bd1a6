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
