package com.countyleague.member;

import java.time.LocalDate;

/** 团员编号: since 2017 twelve digits, the first four the year of joining. Older numbers are kept as they were. */
final class LeagueNumbers {

    static final int TWELVE_DIGITS_SINCE = 2017;

    private LeagueNumbers() {
    }

    static boolean fits(String number, LocalDate joinedOn) {
        if (number == null || number.isBlank()) {
            return true;
        }
        String trimmed = number.trim();
        if (joinedOn == null || joinedOn.getYear() < TWELVE_DIGITS_SINCE) {
            return trimmed.length() <= 20;
        }
        return trimmed.matches("\\d{12}") && trimmed.startsWith(Integer.toString(joinedOn.getYear()));
    }
}
