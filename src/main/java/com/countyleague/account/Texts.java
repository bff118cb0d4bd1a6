package com.countyleague.account;

import java.util.Locale;

/** Search patterns and log columns: a log column has a fixed width, and what does not fit is cut, never refused. */
final class Texts {

    private Texts() {
    }

    /** A lower-case LIKE pattern for "contains", or {@code null} when there is nothing to look for. */
    static String containing(String text) {
        return text == null || text.isBlank() ? null : "%" + text.trim().toLowerCase(Locale.ROOT) + "%";
    }

    static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
