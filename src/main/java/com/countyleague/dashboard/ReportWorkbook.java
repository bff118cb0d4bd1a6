package com.countyleague.dashboard;

import com.countyleague.books.PublishedHead;
import com.countyleague.dashboard.Dashboard.Board;
import com.countyleague.dashboard.Dashboard.Section;
import com.countyleague.web.Figures.Row;
import com.countyleague.web.Figures.Table;
import com.countyleague.web.Figures.Tile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The monthly report as a workbook: a sheet per area, its figures then its tables, numbers as numbers, the header frozen. */
final class ReportWorkbook {

    private ReportWorkbook() {
    }

    static byte[] write(Board board, List<PublishedHead> heads, Function<String, String> text) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            CellStyle bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            for (Section section : board.sections()) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(text.apply("dashboard.area." + section.area())));
                sheet.setColumnWidth(0, 30 * 256);
                int r = 0;
                org.apache.poi.ss.usermodel.Row header = sheet.createRow(r++);
                header.createCell(0).setCellValue(board.unitName() + " " + board.month());
                header.getCell(0).setCellStyle(bold);
                header.createCell(1).setCellValue(text.apply("report.value"));
                header.getCell(1).setCellStyle(bold);
                sheet.createFreezePane(0, 1);
                for (Tile tile : section.tiles()) {
                    org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(text.apply(tile.labelKey()));
                    row.createCell(1).setCellValue(tile.value());
                }
                for (Table table : section.tables()) {
                    r++;
                    org.apache.poi.ss.usermodel.Row title = sheet.createRow(r++);
                    title.createCell(0).setCellValue(text.apply(table.titleKey()));
                    title.getCell(0).setCellStyle(bold);
                    org.apache.poi.ss.usermodel.Row columns = sheet.createRow(r++);
                    columns.createCell(0).setCellValue(text.apply("dashboard.item"));
                    for (int c = 0; c < table.columnKeys().size(); c++) {
                        columns.createCell(c + 1).setCellValue(text.apply(table.columnKeys().get(c)));
                        columns.getCell(c + 1).setCellStyle(bold);
                        sheet.setColumnWidth(c + 1, 16 * 256);
                    }
                    for (Row data : table.rows()) {
                        org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                        row.createCell(0).setCellValue(data.labelKey() ? text.apply(data.label()) : data.label());
                        for (int c = 0; c < data.values().size(); c++) {
                            row.createCell(c + 1).setCellValue(data.values().get(c));
                        }
                    }
                }
            }
            if (!heads.isEmpty()) {
                Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(text.apply("report.heads")));
                sheet.setColumnWidth(0, 20 * 256);
                sheet.setColumnWidth(3, 70 * 256);
                int r = 0;
                for (PublishedHead head : heads) {
                    org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(text.apply("books.book." + head.book()));
                    row.createCell(1).setCellValue(head.day().toString());
                    row.createCell(2).setCellValue(head.entries());
                    row.createCell(3).setCellValue(head.head());
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
