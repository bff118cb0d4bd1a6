package com.countyleague.org;

import com.countyleague.web.RuleViolationException;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A point on the map in WGS-84 degrees (as phones and map apps give them), to six decimals (about 0.1 m). */
public record Position(BigDecimal latitude, BigDecimal longitude) {

    public Position {
        if (latitude == null || longitude == null || latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw new RuleViolationException("latitude", "place.position.invalid");
        }
        latitude = latitude.setScale(6, RoundingMode.HALF_UP);
        longitude = longitude.setScale(6, RoundingMode.HALF_UP);
    }

    /** Both given: a position; both empty: none; one alone is refused. */
    public static Position ofNullable(BigDecimal latitude, BigDecimal longitude) {
        if (latitude == null && longitude == null) {
            return null;
        }
        return new Position(latitude, longitude);
    }
}
