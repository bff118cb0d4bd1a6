package com.countyleague.member;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Importing ledger sheets: all or nothing, every problem by row and column, and an export that imports back unchanged. */
@IntegrationTest
class PeopleImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PeopleImports imports;

    Branch branch;
    String secretary;

    @BeforeEach
    void aBranchAndItsSecretary() {
        branch = fixtures.branch("导入测试团支部");
        secretary = fixtures.account(Role.BRANCH_SECRETARY, branch.id());
    }

    @Test
    void aSheetWithOneBadRowAmongAThousandChangesNothingAndNamesThatRow() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(Sheets.row("青年" + chinese(i), TestIds.of(LocalDate.of(1998, 1, 1).plusDays(i), Gender.MALE),
                    String.format("139%08d", i), "青年", branch.code()));
        }
        String good = (String) rows.get(736).get(3);
        rows.get(736).set(3, good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0'));
        long before = peopleIn(branch.id());

        long job = upload(Sheets.xlsx(Sheets.HEADERS, rows), "thousand.xlsx");

        assertThat(statusOf(job)).isEqualTo(ImportJob.Status.INVALID);
        assertThat(fixtures.as(secretary, () -> imports.problemRows(job))).containsExactly(738);
        mvc.perform(get("/admin/people/import/{job}", job).with(fixtures.signedIn(secretary)))
                .andExpect(content().string(containsString("身份证号校验码不正确")))
                .andExpect(content().string(containsString("data-row=\"738\"")));
        mvc.perform(post("/admin/people/import/{job}/confirm", job).with(fixtures.signedIn(secretary)).with(csrf()));
        assertThat(peopleIn(branch.id())).isEqualTo(before);
    }

    @Test
    void cellsAsOfficesFillThemImportAndBlankTrailingRowsAreIgnored() throws Exception {
        String lowerX = TestIds.exactly(LocalDate.of(1999, 12, 31), Gender.FEMALE).toLowerCase();
        List<Object> dateCell = Sheets.row(" 王 小 丫 ", lowerX, 13800138001L, "青年", " " + branch.name() + " ");
        dateCell.set(2, LocalDate.of(1999, 12, 31));
        dateCell.set(8, branch.name() + "小区");
        dateCell.set(9, "1号楼");
        List<Object> textDates = Sheets.row("阿卜杜拉·买买提", TestIds.exactly(LocalDate.of(2005, 5, 1), Gender.MALE),
                "１３８００１３８００２", "团员", branch.code().toLowerCase());
        textDates.set(2, "2005年5月1日");
        textDates.set(18, "2019/7/1");
        textDates.set(19, "2019" + "00012345");
        textDates.set(15, "是");
        textDates.set(16, "网格员、信息员");
        List<Object> blank = Sheets.row(null, null, null, null, null);
        byte[] sheet = Sheets.xlsx(Sheets.HEADERS, List.of(dateCell, textDates, blank, blank));

        long job = upload(sheet, "messy.xlsx");
        assertThat(fixtures.as(secretary, () -> imports.problemRows(job))).isEmpty();
        assertThat(statusOf(job)).isEqualTo(ImportJob.Status.READY);
        confirm(job);

        assertThat(statusOf(job)).isEqualTo(ImportJob.Status.DONE);
        var wang = jdbc.sql("select name, gender, birth_date, mobile, building_id from person where mobile = '13800138001'").query().singleRow();
        assertThat(wang.get("name")).isEqualTo("王 小 丫");
        assertThat(wang.get("gender")).isEqualTo("FEMALE");
        assertThat(wang.get("building_id")).isEqualTo(branch.firstBuildingId());
        var ahmed = jdbc.sql("select ledger, backbone, joined_league_on, league_number, grid_roles::text as roles from person where mobile = '13800138002'")
                .query().singleRow();
        assertThat(ahmed.get("ledger")).isEqualTo("LEAGUE_MEMBER");
        assertThat(ahmed.get("backbone")).isEqualTo(true);
        assertThat(ahmed.get("league_number")).isEqualTo("201900012345");
        assertThat((String) ahmed.get("roles")).contains("GRID_MEMBER", "INFORMANT");
    }

    @Test
    void duplicatesNumbersStoredAsNumbersAndUnknownUnitsAreEachReported() throws Exception {
        Branch other = fixtures.branch("别人的团支部");
        String taken = TestIds.of(LocalDate.of(1997, 3, 3), Gender.MALE);
        fixtures.person(other.id(), Ledger.YOUTH, "已在别处", taken, null);
        String twice = TestIds.of(LocalDate.of(1996, 4, 4), Gender.MALE);
        List<List<Object>> rows = List.of(
                Sheets.row("第一次", twice, null, "青年", branch.code()),
                Sheets.row("第二次", twice, null, "青年", branch.code()),
                Sheets.row("别处的人", taken, null, "青年", branch.code()),
                Sheets.row("数字身份证", 1.10105194912310E17, null, "青年", branch.code()),
                Sheets.row("外支部", TestIds.of(LocalDate.of(1995, 5, 5), Gender.MALE), null, "青年", other.code()));

        long job = upload(Sheets.xlsx(Sheets.HEADERS, rows), "problems.xlsx");

        assertThat(fixtures.as(secretary, () -> imports.problemRows(job))).containsExactly(3, 4, 5, 6);
        mvc.perform(get("/admin/people/import/{job}", job).with(fixtures.signedIn(secretary)))
                .andExpect(content().string(containsString("与第 2 行的身份证号重复")))
                .andExpect(content().string(containsString("该身份证号已登记在其他组织")))
                .andExpect(content().string(containsString("单元格 D5 的身份证号被 Excel 存成了数字")))
                .andExpect(content().string(containsString("不在您的管辖范围内")));
        assertThat(jdbc.sql("select count(*) from person where name in ('第一次', '外支部')").query(Long.class).single()).isZero();
    }

    @Test
    void aSecretaryCannotImportIntoAnotherBranch() throws Exception {
        Branch other = fixtures.branch("不可导入团支部");
        long before = peopleIn(other.id());
        long job = upload(Sheets.xlsx(Sheets.HEADERS, List.of(
                Sheets.row("越权导入", TestIds.of(LocalDate.of(1994, 6, 6), Gender.FEMALE), null, "青年", other.name()))), "other.xlsx");
        assertThat(statusOf(job)).isEqualTo(ImportJob.Status.INVALID);
        assertThat(peopleIn(other.id())).isEqualTo(before);
    }

    @Test
    void anExportImportsBackWithoutChanges() throws Exception {
        for (int i = 0; i < 5; i++) {
            fixtures.person(branch.id(), Ledger.YOUTH, "往返" + chinese(i), TestIds.of(LocalDate.of(2000, 2, 2).plusDays(i), Gender.FEMALE),
                    String.format("137%08d", i));
        }
        String snapshot = snapshotOf(branch.id());
        byte[] exported = mvc.perform(get("/admin/people/export").param("ledger", "YOUTH").param("under", Long.toString(branch.id()))
                        .with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> cells = Sheets.read(exported);
        assertThat(cells).hasSize(6);
        assertThat(cells.get(1).get(3)).matches("\\d{17}[\\dX]");

        long job = upload(exported, "exported.xlsx");
        assertThat(fixtures.as(secretary, () -> imports.problemRows(job))).isEmpty();
        confirm(job);
        var counts = jdbc.sql("select new_rows, updated_rows, unchanged_rows from import_job where id = ?").param(job).query().singleRow();
        assertThat(counts.get("new_rows")).isEqualTo(0);
        assertThat(counts.get("updated_rows")).isEqualTo(0);
        assertThat(counts.get("unchanged_rows")).isEqualTo(5);
        assertThat(snapshotOf(branch.id())).isEqualTo(snapshot);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'EXPORT_PEOPLE' and operator = ?")
                .param(secretary).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aVolunteerNumberIsImportedOnceInTheCountyAndExportedBack() throws Exception {
        String knownId = TestIds.of(LocalDate.of(2001, 9, 9), Gender.MALE);
        long known = fixtures.person(branch.id(), Ledger.YOUTH, "有编号", knownId, null);
        long holder = fixtures.person(branch.id(), Ledger.YOUTH, "已持有", TestIds.of(LocalDate.of(2001, 9, 10), Gender.MALE), null);
        String held = "VN" + holder + "X";
        jdbc.sql("update person set volunteer_number = ? where id = ?").params(held, holder).update();
        String newId = TestIds.of(LocalDate.of(2002, 1, 3), Gender.FEMALE);
        int column = Sheets.HEADERS.indexOf("志愿者编号");
        List<Object> first = Sheets.row("有编号", knownId, null, "青年", branch.name());
        first.set(column, " vn" + known + "a ");
        List<Object> second = Sheets.row("新编号", newId, null, "青年", branch.name());
        second.set(column, held);
        List<Object> third = Sheets.row("错编号", TestIds.of(LocalDate.of(2002, 1, 4), Gender.FEMALE), null, "青年", branch.name());
        third.set(column, "号");

        // a number someone else holds, or a malformed one: nothing is written, the rows and the column are named
        long refused = upload(Sheets.xlsx(Sheets.HEADERS, List.of(first, second, third)), "numbers.xlsx");
        assertThat(fixtures.as(secretary, () -> imports.problemRows(refused))).containsExactly(3, 4);
        assertThat(jdbc.sql("select count(*) from import_problem where job_id = ? and column_name = '志愿者编号'").param(refused)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select volunteer_number from person where id = ?").param(known).query(String.class).optional()).isEmpty();

        second.set(column, "VN" + known + "B");
        long job = upload(Sheets.xlsx(Sheets.HEADERS, List.of(first, second)), "numbers.xlsx");
        assertThat(fixtures.as(secretary, () -> imports.problemRows(job))).isEmpty();
        confirm(job);
        assertThat(jdbc.sql("select volunteer_number from person where id = ?").param(known).query(String.class).single())
                .isEqualTo("VN" + known + "A");
        assertThat(jdbc.sql("select volunteer_number from person where name = '新编号' and organization_id = ?").param(branch.id())
                .query(String.class).single()).isEqualTo("VN" + known + "B");

        byte[] exported = mvc.perform(get("/admin/people/export").param("ledger", "YOUTH").param("under", Long.toString(branch.id()))
                        .with(fixtures.signedIn(secretary))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> cells = Sheets.read(exported);
        int exportedColumn = cells.get(0).indexOf("志愿者编号");
        assertThat(cells.stream().skip(1).map(r -> r.size() > exportedColumn ? r.get(exportedColumn) : ""))
                .contains("VN" + known + "A", "VN" + known + "B", held);
        // and what was exported imports back unchanged
        long back = upload(exported, "back.xlsx");
        assertThat(fixtures.as(secretary, () -> imports.problemRows(back))).isEmpty();
        confirm(back);
        assertThat(jdbc.sql("select updated_rows from import_job where id = ?").param(back).query(Integer.class).single()).isZero();
    }

    @Test
    void aChangedRowUpdatesThePersonAndACsvInGbkReadsToo() throws Exception {
        String id = TestIds.of(LocalDate.of(2001, 8, 8), Gender.MALE);
        long person = fixtures.person(branch.id(), Ledger.YOUTH, "改手机", id, "13600000001");
        String csv = String.join(",", Sheets.HEADERS) + "\r\n改手机,,," + id + ",13600000002,青年,,\"" + branch.name() + "\"\r\n";
        long job = upload(csv.getBytes(java.nio.charset.Charset.forName("GBK")), "gbk.csv");
        assertThat(fixtures.as(secretary, () -> imports.problemRows(job))).isEmpty();
        confirm(job);
        assertThat(jdbc.sql("select mobile from person where id = ?").param(person).query(String.class).single()).isEqualTo("13600000002");
    }

    @Test
    void aLargeSheetIsCheckedAndCommittedInTheBackgroundWithProgress() throws Exception {
        int size = PeopleImports.BACKGROUND_FROM_ROWS;
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            rows.add(Sheets.row("大表" + chinese(i), TestIds.of(LocalDate.of(1993, 1, 1).plusDays(i % 3000), i % 2 == 0 ? Gender.MALE : Gender.FEMALE),
                    null, "青年", branch.code()));
        }
        MvcResult uploaded = mvc.perform(multipart("/admin/people/import")
                        .file(new MockMultipartFile("file", "large.xlsx", SheetFiles.XLSX, Sheets.xlsx(Sheets.HEADERS, rows)))
                        .with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andReturn();
        long job = latestJob();
        assertThat(uploaded.getResponse().getContentAsString()).contains("import-progress");
        await().atMost(Duration.ofMinutes(2)).until(() -> statusOf(job) == ImportJob.Status.READY);
        mvc.perform(get("/admin/people/import/{job}/progress", job).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk());
        confirm(job);
        await().atMost(Duration.ofMinutes(2)).until(() -> statusOf(job) == ImportJob.Status.DONE);
        assertThat(peopleIn(branch.id())).isEqualTo(size);
    }

    @Test
    void someoneElsesImportIsNotYours() throws Exception {
        long job = upload(Sheets.xlsx(Sheets.HEADERS, List.of(
                Sheets.row("他人", TestIds.of(LocalDate.of(1992, 2, 2), Gender.MALE), null, "青年", branch.code()))), "mine.xlsx");
        String otherSecretary = fixtures.account(Role.BRANCH_SECRETARY, branch.id());
        mvc.perform(get("/admin/people/import/{job}", job).with(fixtures.signedIn(otherSecretary))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/people/import/{job}/confirm", job).with(fixtures.signedIn(otherSecretary)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    /** A number written in Chinese digits, for names (a name holds no Arabic digits). */
    static String chinese(int number) {
        StringBuilder digits = new StringBuilder();
        for (char c : Integer.toString(number).toCharArray()) {
            digits.append("零一二三四五六七八九".charAt(c - '0'));
        }
        return digits.toString();
    }

    private long upload(byte[] content, String name) throws Exception {
        mvc.perform(multipart("/admin/people/import").file(new MockMultipartFile("file", name, SheetFiles.XLSX, content))
                        .with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("import-")));
        return latestJob();
    }

    private void confirm(long job) throws Exception {
        mvc.perform(post("/admin/people/import/{job}/confirm", job).with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private long latestJob() {
        return jdbc.sql("select max(id) from import_job where uploaded_by = ?").param(secretary).query(Long.class).single();
    }

    private ImportJob.Status statusOf(long job) {
        return ImportJob.Status.valueOf(jdbc.sql("select status from import_job where id = ?").param(job).query(String.class).single());
    }

    private long peopleIn(long branchId) {
        return jdbc.sql("select count(*) from person where organization_id = ?").param(branchId).query(Long.class).single();
    }

    /** Every column of the branch's people, to compare before and after. */
    private String snapshotOf(long branchId) {
        return jdbc.sql("select string_agg(p::text, '|' order by id) from (select id, name, gender, birth_date, id_number_hash, mobile,"
                        + " ledger, political_status, organization_id, compound_id, building_id, workplace, education, source_channel,"
                        + " tags, skills, backbone, grid_roles, ethnicity, joined_league_on, league_number, league_post,"
                        + " volunteer_registered_on, status, notes, version from person where organization_id = ?) p")
                .param(branchId).query(String.class).single();
    }

}
