package com.countyleague.orglife;

/** 三会一课: the branch assembly (支部大会), the branch committee (支委会), the League group meeting (团小组会) and the League lecture (团课). */
public enum MeetingKind {
    BRANCH_ASSEMBLY, BRANCH_COMMITTEE, GROUP_MEETING, LECTURE;

    /** The annual review, and a recommendation to the Party, are decided at a branch assembly only. */
    public boolean decidesForTheBranch() {
        return this == BRANCH_ASSEMBLY;
    }
}
