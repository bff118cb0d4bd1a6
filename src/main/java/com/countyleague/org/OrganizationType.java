package com.countyleague.org;

/** The kinds of unit in the tree, and where each may stand. */
public enum OrganizationType {
    /** 团县委 / 团区委: the root, one per county. */
    COUNTY_COMMITTEE,
    /** 区属团组织, 团工委, 基层团委. */
    COMMITTEE,
    /** 团支部. */
    BRANCH,
    /** "1+4+N" 联合团支部 with its partner units. */
    JOINT_BRANCH,
    /** 团小组, one per building. */
    GROUP;

    public boolean mayBeUnder(OrganizationType parent) {
        return switch (this) {
            case COUNTY_COMMITTEE -> parent == null;
            case COMMITTEE, BRANCH, JOINT_BRANCH -> parent == COUNTY_COMMITTEE || parent == COMMITTEE;
            case GROUP -> parent == BRANCH || parent == JOINT_BRANCH;
        };
    }

    /** Community branches own compounds and buildings. */
    public boolean isBranch() {
        return this == BRANCH || this == JOINT_BRANCH;
    }
}
