package com.countyleague.member;

/** What a backbone does for the compound's grid: 网格员, 信息员, 宣传员. */
public enum GridRole {
    GRID_MEMBER,
    INFORMANT,
    PUBLICIST
}
