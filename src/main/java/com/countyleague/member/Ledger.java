package com.countyleague.member;

/** The two ledgers of the seed: 团员台账 and 青年台账. */
public enum Ledger {
    LEAGUE_MEMBER,
    YOUTH
}
