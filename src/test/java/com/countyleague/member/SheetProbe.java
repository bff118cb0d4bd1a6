package com.countyleague.member;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads one sheet file in a JVM of its own and prints what happened and the most heap it used, for
 * UploadLimitsTests (run with a small -Xmx) and by hand: {@code SheetProbe file.xlsx [workbook]},
 * the second reading it the old way (a whole POI workbook) for comparison.
 */
public final class SheetProbe {

    private SheetProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("ledger") || args[0].equals("bomb")) {
            // making the files to read: SheetProbe ledger file.xlsx 100000, SheetProbe bomb file.xlsx 4096 (MB)
            if (args[0].equals("ledger")) {
                writeLedgerSheet(Path.of(args[1]), Integer.parseInt(args[2]));
            } else {
                writeZipBomb(Path.of(args[1]), Long.parseLong(args[2]) << 20);
            }
            return;
        }
        Path file = Path.of(args[0]);
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            Runtime runtime = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long started = System.nanoTime();
        String outcome;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (args.length > 1 && args[1].equals("workbook")) {
                try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
                    outcome = "rows=" + workbook.getSheetAt(0).getLastRowNum();
                }
            } else {
                outcome = "rows=" + SheetFiles.read(file.getFileName().toString(), bytes).rows().size();
            }
        } catch (SheetFiles.UnreadableSheetException refused) {
            outcome = "refused=" + refused.key;
        } catch (OutOfMemoryError e) {
            outcome = "out-of-memory";
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        sampler.interrupt();
        System.out.printf("%s ms=%d peakMb=%d maxMb=%d%n", outcome, millis, peak.get() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** A ledger sheet of this many filled rows, as an office would send it. */
    static void writeLedgerSheet(Path file, int rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("台账");
            Row header = sheet.createRow(0);
            for (int c = 0; c < Sheets.HEADERS.size(); c++) {
                header.createCell(c).setCellValue(Sheets.HEADERS.get(c));
            }
            LocalDate birth = LocalDate.of(1996, 1, 1);
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                String first17 = "110105" + birth.plusDays(r % 3000).toString().replace("-", "") + String.format("%03d", r % 1000);
                row.createCell(0).setCellValue("青年" + r);
                row.createCell(1).setCellValue(r % 2 == 0 ? "女" : "男");
                row.createCell(3).setCellValue(first17 + IdNumber.checkCharacter(first17));
                row.createCell(4).setCellValue("138" + String.format("%08d", r));
                row.createCell(5).setCellValue("团员");
                row.createCell(6).setCellValue("共青团员");
                row.createCell(7).setCellValue("翠湖社区团支部");
                row.createCell(10).setCellValue("县第一中学");
                row.createCell(11).setCellValue("本科");
                row.createCell(17).setCellValue("汉族");
                row.createCell(24).setCellValue("第" + r + "行的备注");
            }
            workbook.write(out);
        }
    }

    /**
     * A real xlsx whose sheet part inflates to this many bytes of blank XML: a few megabytes on disk,
     * gigabytes once read.
     */
    static void writeZipBomb(Path file, long inflatedBytes) throws IOException {
        Path small = Files.createTempFile("small-", ".xlsx");
        writeLedgerSheet(small, 1);
        try (ZipFile in = new ZipFile(small.toFile());
             ZipOutputStream out = new ZipOutputStream(new FileOutputStream(file.toFile()))) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                            .getBytes());
                    byte[] blank = new byte[1 << 20];
                    java.util.Arrays.fill(blank, (byte) ' ');
                    for (long written = 0; written < inflatedBytes; written += blank.length) {
                        out.write(blank);
                    }
                    out.write("</sheetData></worksheet>".getBytes());
                } else {
                    try (var part = in.getInputStream(entry)) {
                        part.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(small);
        }
    }
}
