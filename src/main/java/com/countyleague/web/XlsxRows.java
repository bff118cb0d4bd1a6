package com.countyleague.web;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an uploaded xlsx file row by row, streaming: the sheet's XML is parsed as
 * it is inflated (SAX), so a large sheet never becomes a workbook in memory, and a handler may stop at
 * a row limit. A part inflating beyond {@link #MAX_PART_BYTES}, or a hundred times its packed size (a
 * zip bomb), and a cell longer than Excel allows are refused as {@link Refused}.
 */
public final class XlsxRows {

    /** What one sheet part may inflate to: a full ledger sheet of 100,000 rows is about a third of it. */
    public static final long MAX_PART_BYTES = 256L * 1024 * 1024;
    private static final int MAX_CELL_CHARS = 32_767;

    static {
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        ZipSecureFile.setMinInflateRatio(0.01);
    }

    private XlsxRows() {
    }

    /** One cell as the sheet stored it: exactly one of text, number or date (all null when blank). */
    public record Cell(String text, Double number, LocalDate date) {

        /** The cell as a person reads it: numbers without exponent or trailing zeros, dates as 2026-05-01. */
        public String display() {
            if (number != null) {
                return plain(number);
            }
            return date != null ? date.toString() : text == null ? "" : text;
        }
    }

    /** A number as Excel showed it, without exponent or trailing zeros (13800138000, 19980501). */
    public static String plain(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }

    /** Called for each row that has a cell, in order; its number as the sheet shows it (1 for the first). */
    public interface RowHandler {
        void row(int number, Map<Integer, Cell> cellsByColumn);
    }

    /** Why a file is not read. */
    public enum Problem { NOT_XLSX, INFLATES_TOO_MUCH, CELL_TOO_LONG, UNREADABLE }

    public static class Refused extends RuntimeException {
        private final Problem problem;

        Refused(Problem problem, Throwable cause) {
            super(problem.name(), cause);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /**
     * Streams the first sheet. The bytes go to a temporary file of our own naming (never the uploaded
     * file's name) so that parts are inflated on demand instead of all at once.
     */
    public static void read(byte[] xlsx, RowHandler handler) {
        if (xlsx == null || xlsx.length < 4 || xlsx[0] != 'P' || xlsx[1] != 'K' || xlsx[2] != 3 || xlsx[3] != 4) {
            throw new Refused(Problem.NOT_XLSX, null);
        }
        Path file = null;
        try {
            file = Files.createTempFile("sheet-", ".xlsx");
            Files.write(file, xlsx);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
                StylesTable styles = reader.getStylesTable();
                XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return;
                }
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new SheetHandler(strings, styles, handler));
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (Refused refused) {
            throw refused;
        } catch (IOException | SAXException | OpenXML4JException | ParserConfigurationException | RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof HandlerStopped stopped) {
                    // the handler's own refusal (a row limit) goes to the caller as it was thrown
                    throw (RuntimeException) stopped.getCause();
                }
            }
            throw new Refused(classify(e), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }

    private static Problem classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refused refused) {
                return refused.problem;
            }
            if (t.getMessage() != null && t.getMessage().contains("Zip bomb")) {
                return Problem.INFLATES_TOO_MUCH;
            }
            if (t instanceof InvalidFormatException || t instanceof org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException) {
                return Problem.NOT_XLSX;
            }
        }
        return Problem.UNREADABLE;
    }

    /** Carries the handler's own exception through the parser. */
    private static final class HandlerStopped extends RuntimeException {
        HandlerStopped(RuntimeException cause) {
            super(cause);
        }
    }

    /** The sheet's XML: {@code <row r>} of {@code <c r t s>} holding {@code <v>} or an inline {@code <is><t>}. */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        private final RowHandler handler;
        private final StringBuilder value = new StringBuilder();
        private final Map<String, String> repeats = new HashMap<>();
        private Map<Integer, Cell> cells = new HashMap<>();
        private int rowNumber;
        private int column = -1;
        private String type;
        private String style;
        private boolean collecting;

        SheetHandler(ReadOnlySharedStringsTable strings, StylesTable styles, RowHandler handler) {
            this.strings = strings;
            this.styles = styles;
            this.handler = handler;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new HashMap<>();
                    column = -1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? column + 1 : new CellReference(ref).getCol();
                    type = attributes.getValue("t");
                    style = attributes.getValue("s");
                    value.setLength(0);
                }
                case "v", "t" -> collecting = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                if (value.length() + length > MAX_CELL_CHARS) {
                    throw new Refused(Problem.CELL_TOO_LONG, null);
                }
                value.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "c" -> {
                    Cell cell = cell(value.toString());
                    if (cell != null) {
                        cells.put(column, cell);
                    }
                }
                case "row" -> {
                    if (!cells.isEmpty()) {
                        try {
                            handler.row(rowNumber, cells);
                        } catch (RuntimeException e) {
                            throw new HandlerStopped(e);
                        }
                    }
                }
                default -> {
                }
            }
        }

        private Cell cell(String raw) {
            if (type == null || type.equals("n")) {
                if (raw.isEmpty()) {
                    return null;
                }
                double number = Double.parseDouble(raw);
                return isDate() && DateUtil.isValidExcelDate(number)
                        ? new Cell(null, null, DateUtil.getLocalDateTime(number).toLocalDate())
                        : new Cell(null, number, null);
            }
            return switch (type) {
                case "s" -> raw.isEmpty() ? null : new Cell(strings.getItemAt(Integer.parseInt(raw)).getString(), null, null);
                case "b" -> new Cell("1".equals(raw) ? "是" : "否", null, null);
                default -> new Cell(shared(raw), null, null);
            };
        }

        /** Short texts repeat down a column (男, 团员, a branch's name): one copy of each keeps big sheets small. */
        private String shared(String text) {
            if (text.length() > 16 || repeats.size() >= 10_000) {
                return text;
            }
            return repeats.computeIfAbsent(text, t -> t);
        }

        private boolean isDate() {
            if (style == null || styles == null) {
                return false;
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(Integer.parseInt(style));
            return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        }
    }
}
