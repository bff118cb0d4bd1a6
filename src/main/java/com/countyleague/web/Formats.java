package com.countyleague.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Shows stored instants in the county's time zone: {@code ${@formats.dateTime(x)}} in templates. */
@Component("formats")
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ZoneId zone;

    Formats(@Value("${league.zone}") ZoneId zone) {
        this.zone = zone;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /** Month, day and time: for lists of activities and shifts within the year. */
    public String shortDateTime(Instant instant) {
        return instant == null ? "" : SHORT.format(instant.atZone(zone));
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /** Service time in hours with at most one decimal: 90 minutes → "1.5". */
    public String hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** An amount kept in fen, in yuan with its fen: 20 → "0.20", 400 → "4.00". */
    public String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    public ZoneId zone() {
        return zone;
    }
}
