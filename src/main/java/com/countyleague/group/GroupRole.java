package com.countyleague.group;

/**
 * Core roles of a group: 群主, 执行, 专家, 组长 ("1+2+3+N"), and for a youth council the party-member
 * guide and the community league cadre ("1+1+N"). Whoever holds one runs the group.
 */
public enum GroupRole {
    OWNER,
    EXECUTIVE,
    EXPERT,
    LEADER,
    GUIDE,
    CADRE
}
