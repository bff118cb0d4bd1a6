package com.countyleague.group;

/** The seat a member holds on a 青春业委会: where the committee draws its members from. */
public enum CommitteeSeat {
    /** 支部委员: holds a League post. */
    BRANCH_COMMITTEE,
    /** 业委会主任. */
    OWNERS_CHAIR,
    /** 青年楼长. */
    BUILDING_HEAD,
    /** 物业代表. */
    PROPERTY_REP,
    /** 联青服务站. */
    SERVICE_STATION;

    /** Whether the seat is for League cadres only. */
    public boolean needsLeaguePost() {
        return this == BRANCH_COMMITTEE;
    }
}
