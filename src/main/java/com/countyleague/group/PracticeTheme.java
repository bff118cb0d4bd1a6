package com.countyleague.group;

/** The six practice groups of the Xuhui case. */
public enum PracticeTheme {
    /** 青年红色讲解员. */
    RED_HISTORY_GUIDE,
    /** 青年职业体验官. */
    CAREER_EXPERIENCE,
    /** 青年"水滴"志愿者. */
    WATER_DROP_VOLUNTEER,
    /** 青年创业合伙人. */
    STARTUP_PARTNER,
    /** 青年社区营造师. */
    COMMUNITY_BUILDER,
    /** 青年文化星推官. */
    CULTURE_PROMOTER
}
