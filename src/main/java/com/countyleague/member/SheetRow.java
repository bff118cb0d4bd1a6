package com.countyleague.member;

import java.time.LocalDate;
import java.util.Map;

/**
 * One row of an uploaded sheet as its cells came: text, or a number or date where Excel stored one.
 *
 * @param number the row number as the spreadsheet shows it (the header is row 1)
 */
record SheetRow(int number, Map<LedgerColumn, Cell> cells) {

    /**
     * A cell: exactly one of text, number or date is set, or none for a blank cell.
     *
     * @param address where the cell is, as Excel names it (D5)
     */
    record Cell(String text, Double number, LocalDate date, String address) {

        static Cell text(String text, String address) {
            return new Cell(text, null, null, address);
        }

        boolean isBlank() {
            return number == null && date == null && (text == null || text.isBlank());
        }
    }

    Cell cell(LedgerColumn column) {
        Cell cell = cells.get(column);
        return cell == null ? new Cell(null, null, null, null) : cell;
    }

    boolean isBlank() {
        return cells.values().stream().allMatch(Cell::isBlank);
    }
}
