package com.countyleague.council;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import com.countyleague.member.Dictionaries;
import com.countyleague.member.DictionaryKind;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Residents' issues as a sheet: a header row, then one issue a row. An anonymous reporter is written as such, never by name. */
final class IssueSheet {

    static final List<String> HEADER = List.of("编号", "标题", "类别", "性质", "所属单位", "地点", "状态", "报告人", "承办人", "办理期限",
            "提交时间", "是否逾期");

    private IssueSheet() {
    }

    /** {@code texts} gives the words of a message key in the reader's language. */
    static void write(List<ResidentIssues.IssueRow> rows, Dictionaries.Snapshot dict, Function<String, String> texts,
                      Function<ResidentIssue, String> places, ZoneId zone, OutputStream out) {
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("民情");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (ResidentIssues.IssueRow row : rows) {
                ResidentIssue i = row.issue();
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(i.getId());
                line.createCell(1).setCellValue(i.getTitle());
                line.createCell(2).setCellValue(dict.label(DictionaryKind.ISSUE_SCOPE, i.getScope()));
                line.createCell(3).setCellValue(dict.label(DictionaryKind.ISSUE_NATURE, i.getNature()));
                line.createCell(4).setCellValue(orEmpty(row.unitName()));
                line.createCell(5).setCellValue(orEmpty(places.apply(i)));
                line.createCell(6).setCellValue(texts.apply("issue.status." + i.getStatus().name()));
                line.createCell(7).setCellValue(i.isAnonymous() ? texts.apply("issue.reporter.anonymous") : orEmpty(row.reporter()));
                line.createCell(8).setCellValue(orEmpty(row.assignee()));
                line.createCell(9).setCellValue(i.getDueOn() == null ? "" : i.getDueOn().toString());
                line.createCell(10).setCellValue(at.format(i.getCreatedAt()));
                line.createCell(11).setCellValue(row.overdue() ? texts.apply("issue.overdue") : "");
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
