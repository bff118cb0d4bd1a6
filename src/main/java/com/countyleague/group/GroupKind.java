package com.countyleague.group;

/** The kinds of community group the seed names. */
public enum GroupKind {
    /** 实践团, with one of six themes. */
    PRACTICE_GROUP,
    /** 兴趣小组, 友趣社团. */
    INTEREST_GROUP,
    /** 志愿服务队. */
    VOLUNTEER_TEAM,
    /** 青年突击队. */
    COMMANDO_TEAM,
    /** "青春格格"专业服务队. */
    SERVICE_TEAM,
    /** 青治团, 青年圆桌会: "1+1+N". */
    YOUTH_COUNCIL,
    /** 青春业委会. */
    YOUTH_COMMITTEE;

    /** 青治团 and 青春业委会: run by a Party-member guide and a League cadre, expected to meet every month. */
    public boolean isCouncil() {
        return this == YOUTH_COUNCIL || this == YOUTH_COMMITTEE;
    }

    public boolean hasTheme() {
        return this == PRACTICE_GROUP;
    }
}
