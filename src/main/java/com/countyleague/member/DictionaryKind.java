package com.countyleague.member;

/** The lists that offices adjust themselves. */
public enum DictionaryKind {
    ETHNICITY,
    POLITICAL_STATUS,
    EDUCATION,
    TAG,
    SOURCE_CHANNEL,
    LEAGUE_POST,
    VENUE_KIND
}
