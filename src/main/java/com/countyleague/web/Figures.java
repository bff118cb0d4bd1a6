package com.countyleague.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What a module tells the county's dashboard about a subtree: its own tiles (a figure and the list
 * behind it) and tables (a chart's numbers), read from summaries it refreshes when asked where
 * counting live would be too slow. Each module that has something to count implements it in a bean
 * of its own; the dashboard gathers them all and depends on none.
 */
public interface Figures {

    /** The area of the dashboard a module's figures go under, in the side menu's order; to-dos come first. */
    enum Area { TO_DO, ORGANISATIONS, LEDGERS, GROUPS, ACTIVITIES, POINTS, GOVERNANCE, PLACES }

    /**
     * The subtree and the month asked about: the unit's id and path ({@code /1/5/}), the month the
     * monthly figures count, and today (for ages and idleness).
     */
    record Scope(long organizationId, String path, YearMonth month, LocalDate today) {

        public LocalDate monthStart() {
            return month.atDay(1);
        }

        public LocalDate monthEnd() {
            return month.plusMonths(1).atDay(1);
        }
    }

    /** One number with its label's message key and the address of the list it counts (null when none). */
    record Tile(Area area, String labelKey, long value, String link) {
    }

    /** One row of a table: a label (a message key when {@code labelKey}, else shown as is), its numbers and a link. */
    record Row(String label, boolean labelKey, List<Long> values, String link) {
    }

    /** A table of numbers, drawn as a chart ({@code bar}, {@code line} or {@code doughnut}) beside it. */
    record Table(Area area, String id, String titleKey, String chart, List<String> columnKeys, List<Row> rows) {
    }

    /** What a module counts for a subtree: its tiles and its tables, from one reading of its data. */
    record Contribution(List<Tile> tiles, List<Table> tables) {

        public static Contribution of(List<Tile> tiles) {
            return new Contribution(tiles, List.of());
        }
    }

    Contribution figures(Scope scope);

    /**
     * Brings the module's summaries up to date: what its figures read instead of counting every row
     * on every page. Run on a schedule and on an admin's demand; nothing to do for live figures.
     */
    default void refresh() {
    }
}
