package com.countyleague.dashboard;

import com.countyleague.IntegrationTest;
import com.countyleague.books.Books;
import com.countyleague.books.PublishedHead;
import com.countyleague.TestFixtures;
import com.countyleague.TwoBranches;
import com.countyleague.TwoBranches.Side;
import com.countyleague.web.Figures.Tile;

import java.io.ByteArrayInputStream;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@Import(TwoBranches.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyReportTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    TwoBranches world;

    @Autowired
    Dashboard dashboard;

    @Autowired
    MonthlyReports reports;

    @Autowired
    Books books;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Side side;

    @BeforeAll
    void aBranch() {
        side = world.side("报表甲", fixtures.branch("报表别处团支部"));
    }

    @Test
    void theWorkbookHasASheetPerAreaWithItsFiguresAsNumbersUnderAFrozenHeader() throws Exception {
        Dashboard.Board board = fixtures.as(side.orgAdmin(), () -> dashboard.board(null, null));
        byte[] xlsx = mvc.perform(get("/admin/dashboard/report").param("format", "XLSX").with(fixtures.signedIn(side.orgAdmin())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"report-" + board.month() + ".xlsx\""))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet ledgers = workbook.getSheet("团员青年");
            assertThat(ledgers).isNotNull();
            assertThat(ledgers.getPaneInformation().isFreezePane()).isTrue();
            assertThat(ledgers.getRow(0).getCell(0).getStringCellValue()).contains(board.unitName());
            for (Tile tile : section(board, "LEDGERS").tiles()) {
                Row row = find(ledgers, label(tile.labelKey()));
                assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat((long) row.getCell(1).getNumericCellValue()).as(tile.labelKey()).isEqualTo(tile.value());
            }
            Sheet groups = workbook.getSheet("团体");
            Row practice = find(groups, "实践团");
            assertThat(practice.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void thePrintableReportCarriesTheSameFigures() throws Exception {
        Dashboard.Board board = fixtures.as(side.orgAdmin(), () -> dashboard.board(null, null));
        byte[] pdf = mvc.perform(get("/admin/dashboard/report").param("format", "PDF").with(fixtures.signedIn(side.orgAdmin())))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains(board.month() + " 月度工作报表", board.unitName(), "青年台账", "近12个月活动");
            long youth = section(board, "LEDGERS").tiles().stream().filter(t -> t.labelKey().equals("member.ledger.YOUTH"))
                    .findFirst().orElseThrow().value();
            assertThat(text).contains("青年台账 " + String.format("%,d", youth));
        }
    }

    @Test
    void theReportCarriesTheBooksHeadsAsPublished() throws Exception {
        books.publish();
        List<PublishedHead> heads = books.asOf(LocalDate.now(clock).minusDays(1));
        assertThat(heads).isNotEmpty();
        byte[] xlsx = mvc.perform(get("/admin/dashboard/report").param("format", "XLSX").with(fixtures.signedIn(side.orgAdmin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("账本头哈希");
            assertThat(sheet).isNotNull();
            for (PublishedHead head : heads) {
                Row row = find(sheet, head.book().equals("points") ? "积分账本" : "志愿服务时长账本");
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(head.day().toString());
                assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(head.entries());
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(head.head());
            }
        }
        byte[] pdf = mvc.perform(get("/admin/dashboard/report").param("format", "PDF").with(fixtures.signedIn(side.orgAdmin())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("账本头哈希");
            heads.forEach(head -> assertThat(text).contains(head.head()));
        }
    }

    @Test
    void theCountysReportIsStoredOnceAMonthByTwoInstancesAndKeptForAYear() throws Exception {
        YearMonth last = YearMonth.now(clock).minusMonths(1);
        long root = fixtures.rootId();
        jdbc.sql("insert into monthly_report (organization_id, month, workbook, pdf, created_at) values (?, ?, '\\x00', '\\x00', now())")
                .params(root, Date.valueOf(last.minusMonths(13).atDay(1))).update();
        List<Callable<Boolean>> twoInstances = List.of(() -> reports.produce(last), () -> reports.produce(last));
        assertThat(TestFixtures.atOnce(twoInstances, 2)).containsExactlyInAnyOrder(true, false);
        assertThat(jdbc.sql("select count(*) from monthly_report where month = ?").param(Date.valueOf(last.atDay(1)))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from monthly_report where month < ?").param(Date.valueOf(last.minusMonths(11).atDay(1)))
                .query(Long.class).single()).isZero();

        List<MonthlyReports.Stored> stored = fixtures.as("admin", () -> reports.stored());
        MonthlyReports.Stored report = stored.stream().filter(s -> s.month().equals(last)).findFirst().orElseThrow();
        byte[] xlsx = mvc.perform(get("/admin/dashboard/reports/{id}", report.id()).param("format", "XLSX").with(fixtures.signedIn("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheet("组织").getRow(0).getCell(0).getStringCellValue()).contains(last.toString());
        }
        mvc.perform(get("/admin/dashboard/reports/{id}", report.id()).with(fixtures.signedIn(side.orgAdmin())))
                .andExpect(status().isForbidden());
    }

    private static Dashboard.Section section(Dashboard.Board board, String area) {
        return board.sections().stream().filter(s -> s.area().name().equals(area)).findFirst().orElseThrow();
    }

    private static String label(String key) {
        return switch (key) {
            case "member.ledger.LEAGUE_MEMBER" -> "团员台账";
            case "member.ledger.YOUTH" -> "青年台账";
            case "dashboard.people.new-members" -> "本月新增团员";
            case "dashboard.people.new-youth" -> "本月新增青年";
            case "dashboard.people.backbones" -> "骨干";
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static Row find(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING && row.getCell(0).getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError(label + " not in sheet " + sheet.getSheetName());
    }
}
