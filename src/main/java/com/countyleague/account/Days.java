package com.countyleague.account;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A log filter's "from" and "to" days, inclusive, as instants in the county's zone. */
final class Days {

    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private Days() {
    }

    static Instant start(LocalDate from, ZoneId zone) {
        return from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
    }

    static Instant end(LocalDate to, ZoneId zone) {
        return to == null ? FAR_FUTURE : to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
