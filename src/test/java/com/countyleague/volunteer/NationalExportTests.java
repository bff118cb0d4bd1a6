package com.countyleague.volunteer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.activity.CheckIns;
import com.countyleague.group.GroupKind;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.TestIds;
import com.countyleague.web.RuleViolationException;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class NationalExportTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Rosters rosters;

    @Autowired
    NationalExports exports;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theExportCarriesTheVolunteerNumberNeverTheIdentityNumberAndTheAcceptanceIsReadBack() throws Exception {
        // noon of the county's yesterday: the service three hours before it falls on the same day whatever the hour of the run
        clock.setTo(LocalDate.now(clock).minusDays(1).atTime(12, 0).atZone(clock.getZone()).toInstant());
        Branch branch = fixtures.branch("报送团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String idNumber = TestIds.of(LocalDate.of(2001, 6, 7), Gender.MALE);
        long numbered = fixtures.person(branch.id(), Ledger.YOUTH, "赵有号", idNumber, null);
        jdbc.sql("update person set volunteer_number = ? where id = ?").params("SC" + numbered + "A", numbered).update();
        long unnumbered = fixtures.youth(branch.id(), "钱无号");
        // both at a two-hour service activity; the numbered one also keeps a four-hour shift
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
        fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "河道清洁", "沿河捡拾垃圾", "河堤", start, start.plus(Duration.ofHours(2)), null, null, null, new BigDecimal("2")));
            activities.publish(id);
            for (long person : List.of(numbered, unnumbered)) {
                checkIns.checkInByHand(id, person, null, start, "现场登记");
                checkIns.checkOutByHand(id, person, start.plus(Duration.ofHours(2)), "现场登记");
            }
            return id;
        });
        long team = fixtures.group(GroupKind.VOLUNTEER_TEAM, branch.id(), null);
        fixtures.enrol(team, numbered);
        long post = fixtures.as(secretary, () -> rosters.create(new VolunteerPost.Details("报送值守岗", branch.id(), null, "东门", team, 1,
                List.of(new VolunteerPost.Slot(0, LocalTime.of(8, 0), LocalTime.of(12, 0))), VolunteerPost.Status.ACTIVE)));
        LocalDate today = LocalDate.now(clock);
        fixtures.as(secretary, () -> rosters.generate(post, today, 1));
        clock.advance(Duration.ofDays(1));
        long shift = jdbc.sql("select id from volunteer_shift where post_id = ? and day = ?").params(post, today).query(Long.class).single();
        fixtures.as(secretary, () -> rosters.confirm(post, List.of(shift), true));

        NationalExports.Overview overview = fixtures.as(secretary, () -> exports.overview(null, today.minusDays(1), today));
        assertThat(overview.records()).isEqualTo(2);
        assertThat(overview.withoutNumber()).isEqualTo(1);

        List<List<String>> sheet = export(secretary, today);
        assertThat(sheet.get(0)).containsExactlyElementsOf(NationalExports.HEADER);
        assertThat(sheet).hasSize(3);
        List<String> attendance = sheet.stream().filter(r -> r.get(0).startsWith("A")).findFirst().orElseThrow();
        List<String> kept = sheet.stream().filter(r -> r.get(0).startsWith("S")).findFirst().orElseThrow();
        assertThat(attendance).containsSubsequence("SC" + numbered + "A", "赵有号", "河道清洁", today.toString());
        assertThat(attendance.get(7)).isEqualTo("2");
        assertThat(attendance.get(8)).isEqualTo("沿河捡拾垃圾");
        assertThat(attendance.get(9)).isEqualTo(branch.name());
        assertThat(kept).containsSubsequence("SC" + numbered + "A", "赵有号", "报送值守岗", today.toString(), today + " 08:00", today + " 12:00", "4");
        assertThat(sheet.toString()).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14)).doesNotContain("钱无号");
        assertThat(jdbc.sql("select count(*) from national_record where person_id = ? and status = 'EXPORTED'").param(numbered)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'NATIONAL_EXPORT' and operator = ?").param(secretary)
                .query(Long.class).single()).isEqualTo(1);

        // a result with a record nobody sent, or sent back without a reason: nothing changes, the rows are named
        byte[] wrong = result(List.of(List.of(attendance.get(0), "成功", ""), List.of("A999999999", "成功", ""), List.of(kept.get(0), "退回", "")));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> exports.importAcceptance(wrong)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.arguments()[0].toString())
                        .contains("3:A999999999").contains("4:退回").doesNotContain("2:"));
        assertThat(jdbc.sql("select count(*) from national_record where person_id = ? and status = 'EXPORTED'").param(numbered)
                .query(Long.class).single()).isEqualTo(2);
        // another branch's secretary cannot answer for these records
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("报送他支部").id());
        byte[] right = result(List.of(List.of(attendance.get(0), "成功", ""), List.of(), List.of(kept.get(0), "退回", "志愿者编号与姓名不符")));
        assertThatThrownBy(() -> fixtures.as(stranger, () -> exports.importAcceptance(right))).isInstanceOf(RuleViolationException.class);

        mvc.perform(multipart("/admin/service/national/acceptance").file(new MockMultipartFile("file", "result.xlsx",
                "application/octet-stream", right)).with(csrf()).with(fixtures.signedIn(secretary))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from national_record where record_key = ?").param(attendance.get(0)).query(String.class).single())
                .isEqualTo("ACCEPTED");
        NationalExports.Overview after = fixtures.as(secretary, () -> exports.overview(null, today.minusDays(1), today));
        assertThat(after.rejected()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(kept.get(0));
            assertThat(r.reason()).isEqualTo("志愿者编号与姓名不符");
        });
        // what the system took is not sent again
        assertThat(export(secretary, today)).extracting(r -> r.get(0)).containsExactly("记录编号", kept.get(0));
    }

    private List<List<String>> export(String account, LocalDate today) throws Exception {
        byte[] xlsx = mvc.perform(get("/admin/service/national/export").param("from", today.minusDays(1).toString())
                        .param("to", today.toString()).with(fixtures.signedIn(account)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            DataFormatter formatter = new DataFormatter();
            for (Row row : workbook.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(formatter.formatCellValue(c)));
                rows.add(cells);
            }
        }
        return rows;
    }

    private static byte[] result(List<List<String>> rows) throws Exception {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("处理结果");
            Row header = sheet.createRow(0);
            List<String> names = List.of("记录编号", "处理结果", "失败原因");
            for (int c = 0; c < names.size(); c++) {
                header.createCell(c).setCellValue(names.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
