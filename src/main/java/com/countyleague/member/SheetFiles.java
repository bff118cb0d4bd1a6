package com.countyleague.member;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.countyleague.web.XlsxRows;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Reads ledger sheets (xlsx, or csv in UTF-8 or GBK) into rows of cells, and writes the template and
 * exports as xlsx: every column text-formatted, so Excel keeps identity numbers and leading zeros.
 */
final class SheetFiles {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int MAX_ROWS = 100_000;

    private SheetFiles() {
    }

    /** What a file held: its rows (blank ones dropped) and the required columns it lacks. */
    record Content(List<SheetRow> rows, List<LedgerColumn> missingColumns) {
    }

    /** Thrown for a file that is not a sheet at all; its message key says why. */
    static class UnreadableSheetException extends RuntimeException {
        final String key;

        UnreadableSheetException(String key, Throwable cause) {
            super(key, cause);
            this.key = key;
        }
    }

    static Content read(String fileName, byte[] bytes) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return readCsv(bytes);
        }
        if (name.endsWith(".xlsx")) {
            return readXlsx(bytes);
        }
        throw new UnreadableSheetException("member.import.file-type", null);
    }

    private static Content readXlsx(byte[] bytes) {
        Map<Integer, LedgerColumn> columns = new HashMap<>();
        List<SheetRow> rows = new ArrayList<>();
        boolean[] header = {false};
        try {
            XlsxRows.read(bytes, (number, cells) -> {
                if (!header[0]) {
                    header[0] = true;
                    cells.forEach((index, cell) -> LedgerColumn.byHeader(cell.display()).ifPresent(c -> columns.put(index, c)));
                    return;
                }
                // only the cells that hold something: a hundred thousand rows stay a few hundred bytes each
                Map<LedgerColumn, SheetRow.Cell> values = new EnumMap<>(LedgerColumn.class);
                columns.forEach((index, column) -> {
                    XlsxRows.Cell cell = cells.get(index);
                    if (cell != null) {
                        values.put(column, new SheetRow.Cell(cell.text(), cell.number(), cell.date(),
                                CellReference.convertNumToColString(index) + number));
                    }
                });
                addUnlessBlank(rows, new SheetRow(number, values));
            });
        } catch (XlsxRows.Refused refused) {
            throw new UnreadableSheetException(switch (refused.problem()) {
                case NOT_XLSX -> "member.import.file-type";
                case INFLATES_TOO_MUCH -> "member.import.inflates-too-much";
                case CELL_TOO_LONG -> "member.import.cell-too-long";
                case UNREADABLE -> "member.import.unreadable";
            }, refused);
        }
        return header[0] ? new Content(rows, missing(columns.values())) : new Content(List.of(), requiredColumns());
    }

    private static Content readCsv(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                // text has no NUL bytes: this is some other file named .csv
                throw new UnreadableSheetException("member.import.file-type", null);
            }
        }
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), charsetOf(bytes))) {
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get().parse(reader).getRecords();
            if (records.isEmpty()) {
                return new Content(List.of(), requiredColumns());
            }
            Map<Integer, LedgerColumn> columns = new HashMap<>();
            CSVRecord header = records.get(0);
            for (int i = 0; i < header.size(); i++) {
                String text = i == 0 ? header.get(i).replace("\uFEFF", "") : header.get(i);
                int index = i;
                LedgerColumn.byHeader(text).ifPresent(c -> columns.put(index, c));
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = 1; r < records.size(); r++) {
                CSVRecord record = records.get(r);
                Map<LedgerColumn, SheetRow.Cell> cells = new EnumMap<>(LedgerColumn.class);
                int rowNumber = r + 1;
                columns.forEach((index, column) -> cells.put(column, SheetRow.Cell.text(index < record.size() ? record.get(index) : null,
                        CellReference.convertNumToColString(index) + rowNumber)));
                addUnlessBlank(rows, new SheetRow(r + 1, cells));
            }
            return new Content(rows, missing(columns.values()));
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            throw new UnreadableSheetException("member.import.unreadable", e);
        }
    }

    /** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else GBK as Chinese Excel saves CSV. */
    private static Charset charsetOf(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return Charset.forName("GB18030");
        }
    }

    private static void addUnlessBlank(List<SheetRow> rows, SheetRow row) {
        if (!row.isBlank()) {
            if (rows.size() >= MAX_ROWS) {
                throw new UnreadableSheetException("member.import.too-many-rows", null);
            }
            rows.add(row);
        }
    }

    private static List<LedgerColumn> missing(Collection<LedgerColumn> present) {
        return requiredColumns().stream().filter(c -> !present.contains(c)).toList();
    }

    private static List<LedgerColumn> requiredColumns() {
        return Arrays.stream(LedgerColumn.values()).filter(c -> c.required).toList();
    }

    /**
     * Writes a sheet with the header row and whatever rows the writer adds, streaming (a window of
     * rows in memory), every cell as text.
     */
    static void write(OutputStream out, Consumer<RowWriter> rows) {
        LedgerColumn[] columns = LedgerColumn.values();
        writeTable(out, "台账", Arrays.stream(columns).map(LedgerColumn::title).toList(), Arrays.asList(columns).indexOf(LedgerColumn.ID_NUMBER),
                cells -> rows.accept(values -> cells.accept(Arrays.stream(columns).map(values::get).toList())));
    }

    /**
     * Writes one sheet of text cells under a bold header row, streaming: what every export of people
     * writes. The column {@code wide} (an identity number) is given room.
     */
    static void writeTable(OutputStream out, String sheetName, List<String> headers, int wide, Consumer<Consumer<List<String>>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(sheetName);
            DataFormat format = workbook.createDataFormat();
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(format.getFormat("@"));
            CellStyle header = workbook.createCellStyle();
            header.setDataFormat(format.getFormat("@"));
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            Row headerRow = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                Cell cell = headerRow.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(header);
                sheet.setDefaultColumnStyle(i, text);
                sheet.setColumnWidth(i, i == wide ? 22 * 256 : 14 * 256);
            }
            int[] next = {1};
            rows.accept(values -> {
                Row row = sheet.createRow(next[0]++);
                for (int i = 0; i < headers.size(); i++) {
                    Cell cell = row.createCell(i);
                    cell.setCellStyle(text);
                    if (values.get(i) != null) {
                        cell.setCellValue(values.get(i));
                    }
                }
            });
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds one row of text values by column. */
    interface RowWriter {
        void row(Map<LedgerColumn, String> values);
    }
}
