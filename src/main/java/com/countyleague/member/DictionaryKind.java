package com.countyleague.member;

/** The lists that offices adjust themselves. */
public enum DictionaryKind {
    ETHNICITY,
    POLITICAL_STATUS,
    EDUCATION,
    TAG,
    SOURCE_CHANNEL,
    LEAGUE_POST,
    VENUE_KIND,
    /** 工作事, 生活事. */
    ISSUE_SCOPE,
    /** 基层困难事, 群众烦心事. */
    ISSUE_NATURE
}
