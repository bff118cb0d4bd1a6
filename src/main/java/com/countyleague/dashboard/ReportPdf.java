package com.countyleague.dashboard;

import com.countyleague.books.PublishedHead;
import com.countyleague.dashboard.Dashboard.Board;
import com.countyleague.dashboard.Dashboard.Section;
import com.countyleague.web.Figures.Row;
import com.countyleague.web.Figures.Table;
import com.countyleague.web.Figures.Tile;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * The monthly report to print: each area's figures, and each table with a bar beside every row (its
 * first column against the largest), drawn in the PDF itself. Chinese is set in STSong-Light, which
 * every PDF reader supplies.
 */
final class ReportPdf {

    private static final Color BAR = new Color(0xc8, 0x16, 0x1d);

    private ReportPdf() {
    }

    static byte[] write(Board board, List<PublishedHead> heads, String title, Function<String, String> text) {
        BaseFont song = song();
        Font heading = new Font(song, 16, Font.BOLD);
        Font subheading = new Font(song, 12, Font.BOLD);
        Font body = new Font(song, 9);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle(title);
        document.open();
        document.add(new Paragraph(title, heading));
        document.add(new Paragraph(board.unitName() + " · " + board.month(), body));
        for (Section section : board.sections()) {
            Paragraph area = new Paragraph(text.apply("dashboard.area." + section.area()), subheading);
            area.setSpacingBefore(10);
            area.setSpacingAfter(4);
            document.add(area);
            PdfPTable tiles = new PdfPTable(new float[] {3, 1});
            tiles.setWidthPercentage(60);
            tiles.setHorizontalAlignment(PdfPTable.ALIGN_LEFT);
            for (Tile tile : section.tiles()) {
                tiles.addCell(new Phrase(text.apply(tile.labelKey()), body));
                tiles.addCell(number(tile.value(), body));
            }
            document.add(tiles);
            for (Table table : section.tables()) {
                document.add(chart(table, text, body));
            }
        }
        if (!heads.isEmpty()) {
            Paragraph books = new Paragraph(text.apply("report.heads"), subheading);
            books.setSpacingBefore(10);
            document.add(books);
            for (PublishedHead head : heads) {
                document.add(new Paragraph(text.apply("books.book." + head.book()) + " · " + head.day() + " · " + head.entries(), body));
                document.add(new Paragraph(head.head(), new Font(Font.COURIER, 8)));
            }
        }
        document.close();
        return out.toByteArray();
    }

    private static PdfPTable chart(Table table, Function<String, String> text, Font body) {
        int columns = table.columnKeys().size();
        float[] widths = new float[columns + 2];
        widths[0] = 3;
        for (int c = 1; c <= columns; c++) {
            widths[c] = 1.2f;
        }
        widths[columns + 1] = 4;
        PdfPTable chart = new PdfPTable(widths);
        chart.setWidthPercentage(100);
        chart.setSpacingBefore(8);
        PdfPCell title = new PdfPCell(new Phrase(text.apply(table.titleKey()), new Font(body.getBaseFont(), 10, Font.BOLD)));
        title.setColspan(columns + 2);
        title.setBorder(Rectangle.NO_BORDER);
        chart.addCell(title);
        chart.addCell(new Phrase(text.apply("dashboard.item"), body));
        table.columnKeys().forEach(k -> chart.addCell(new Phrase(text.apply(k), body)));
        chart.addCell(new Phrase("", body));
        long largest = Math.max(1, table.rows().stream().mapToLong(r -> r.values().get(0)).max().orElse(1));
        for (Row row : table.rows()) {
            chart.addCell(new Phrase(row.labelKey() ? text.apply(row.label()) : row.label(), body));
            row.values().forEach(v -> chart.addCell(number(v, body)));
            PdfPCell bar = new PdfPCell(new Phrase("", body));
            bar.setCellEvent(new Bar((float) row.values().get(0) / largest));
            chart.addCell(bar);
        }
        return chart;
    }

    private static PdfPCell number(long value, Font body) {
        PdfPCell cell = new PdfPCell(new Phrase(String.format("%,d", value), body));
        cell.setHorizontalAlignment(PdfPCell.ALIGN_RIGHT);
        return cell;
    }

    /** A bar across its cell, as long as its share of the largest value. */
    private record Bar(float share) implements PdfPCellEvent {

        @Override
        public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
            PdfContentByte canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
            float width = (position.getWidth() - 4) * share;
            if (width > 0) {
                canvas.saveState();
                canvas.setColorFill(BAR);
                canvas.rectangle(position.getLeft() + 2, position.getBottom() + 2, width, position.getHeight() - 4);
                canvas.fill();
                canvas.restoreState();
            }
        }
    }

    private static BaseFont song() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
