package com.countyleague.volunteer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

import com.countyleague.web.Formats;
import com.countyleague.web.QrCodes;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.stereotype.Component;

/**
 * Draws a certificate as an A4 PDF. Chinese text is set in STSong-Light, one of the standard CJK
 * fonts every PDF reader supplies, so no font file travels with the application or the document.
 */
@Component
class CertificatePdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Formats formats;

    CertificatePdf(Formats formats) {
        this.formats = formats;
    }

    byte[] render(Certificate c, String verifyUrl) {
        try {
            BaseFont song = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            Font title = new Font(song, 22, Font.BOLD);
            Font body = new Font(song, 12);
            Font small = new Font(song, 9);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 60, 60, 60, 50);
            PdfWriter.getInstance(document, out);
            document.addTitle("志愿服务记录证明 " + c.getNumber());
            document.addCreator("县域团建通");
            document.open();

            Paragraph heading = new Paragraph("志愿服务记录证明", title);
            heading.setAlignment(Element.ALIGN_CENTER);
            heading.setSpacingAfter(8);
            document.add(heading);
            Paragraph number = new Paragraph("证明编号：" + c.getNumber(), small);
            number.setAlignment(Element.ALIGN_RIGHT);
            number.setSpacingAfter(16);
            document.add(number);

            String hours = formats.hours(c.getServiceMinutes());
            Paragraph statement = new Paragraph("兹证明 " + c.getPersonName() + "（" + c.getIdType() + "：" + c.getIdNumberMasked() + "）于 "
                    + DAY.format(c.getPeriodFrom()) + " 至 " + DAY.format(c.getPeriodTo()) + " 期间参加志愿服务，累计志愿服务时间 "
                    + hours + " 小时。", body);
            statement.setLeading(22);
            statement.setFirstLineIndent(24);
            statement.setSpacingAfter(16);
            document.add(statement);

            PdfPTable table = new PdfPTable(new float[] {1.2f, 3.8f});
            table.setWidthPercentage(100);
            row(table, "姓名", c.getPersonName(), body);
            row(table, "证件类型", c.getIdType(), body);
            row(table, "证件号码", c.getIdNumberMasked(), body);
            if (c.getVolunteerNumber() != null) {
                row(table, "志愿者编号", c.getVolunteerNumber(), body);
            }
            row(table, "服务时间", DAY.format(c.getPeriodFrom()) + " 至 " + DAY.format(c.getPeriodTo()), body);
            row(table, "服务时长", hours + " 小时（实际服务时间，不含往返交通）", body);
            row(table, "服务内容", c.getContent(), body);
            row(table, "出具组织", c.getIssuerName(), body);
            row(table, "组织负责人", c.getPersonInCharge(), body);
            row(table, "经办人", c.getHandler(), body);
            row(table, "联系方式", c.getContact(), body);
            row(table, "出具日期", DAY.format(c.getIssuedAt().atZone(formats.zone()).toLocalDate()), body);
            if (c.getNoticeFrom() != null) {
                // the last day shown is the day before the notice ends
                row(table, "公示期", DAY.format(c.getNoticeFrom()) + " 至 " + DAY.format(c.getNoticeTo().minusDays(1)), body);
            }
            table.setSpacingAfter(18);
            document.add(table);

            Image qr = Image.getInstance(QrCodes.png(verifyUrl, 300));
            qr.scaleAbsolute(110, 110);
            qr.setAlignment(Element.ALIGN_RIGHT);
            document.add(qr);
            Paragraph verify = new Paragraph("扫描二维码或访问 " + verifyUrl + " 核验本证明", small);
            verify.setAlignment(Element.ALIGN_RIGHT);
            verify.setSpacingAfter(12);
            document.add(verify);
            document.add(new Paragraph("本证明依据《志愿服务记录办法》（民发〔2015〕149号）出具。" + c.getIssuerName() + "（盖章）", small));
            document.close();
            return out.toByteArray();
        } catch (DocumentException | IOException broken) {
            throw new UncheckedIOException(new IOException("Certificate " + c.getNumber() + " could not be drawn", broken));
        }
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        PdfPCell head = new PdfPCell(new Phrase(label, font));
        head.setPadding(6);
        head.setGrayFill(0.93f);
        table.addCell(head);
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setPadding(6);
        table.addCell(cell);
    }
}
