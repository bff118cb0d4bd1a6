package com.countyleague.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The League-member ledger in the national member system's import layout, read back with POI. */
@IntegrationTest
class NationalExportTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    People people;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    Branch branch;
    long detailed;
    String detailedNumber;
    long plain;

    @BeforeEach
    void aBranchOfLeagueMembers() {
        branch = fixtures.branch("智慧团建导出团支部");
        detailedNumber = TestIds.of(LocalDate.of(2002, 4, 9), Gender.FEMALE);
        detailed = fixtures.as("admin", () -> people.create(new PersonDraft("导出详细", null, null, detailedNumber, "13912340001",
                Ledger.LEAGUE_MEMBER, "LEAGUE_MEMBER", branch.id(), null, null, "县第一中学", "BACHELOR", null, List.of(), null, false,
                Set.of(), "03", LocalDate.of(2016, 5, 4), "201600012345", "SECRETARY", null, null, null)));
        plain = fixtures.person(branch.id(), Ledger.LEAGUE_MEMBER, "导出简单", TestIds.of(LocalDate.of(2003, 1, 2), Gender.MALE), null);
        fixtures.youth(branch.id(), "导出青年");
        Branch other = fixtures.branch("别的导出团支部");
        fixtures.person(other.id(), Ledger.LEAGUE_MEMBER, "别处团员", TestIds.of(LocalDate.of(2003, 1, 3), Gender.MALE), null);
    }

    @Test
    void oneRowPerMemberInReachWithNumbersInFullOnlyForThoseWhoMayRevealThem() throws Exception {
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        List<List<String>> rows = export(secretary, branch.id());
        assertThat(rows.get(0)).containsExactly("姓名", "证件类型", "身份证号", "民族", "政治面貌", "入团年月", "团员编号", "所在团支部",
                "团内现任职务", "任现职年月", "团干部性质", "全日制学历", "最高学历", "学习工作单位", "手机号码");
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).extracting(r -> r.get(0)).containsExactlyInAnyOrder("导出详细", "导出简单");
        List<String> full = rows.stream().filter(r -> r.get(0).equals("导出详细")).findFirst().orElseThrow();
        assertThat(full).containsExactly("导出详细", "居民身份证", detailedNumber, "回族", "共青团员", "2016-05", "201600012345", branch.name(),
                "书记", "", "", "", "本科", "县第一中学", "13912340001");
        long audited = jdbc.sql("select count(*) from audit_log where action = 'EXPORT_NATIONAL' and operator = ? and detail like '%rows 2, identity numbers in full 2'")
                .param(secretary).query(Long.class).single();
        assertThat(audited).isEqualTo(1);
        assertThat(jdbc.sql("""
                        select count(*) from audit_export_subject s join audit_log a on a.id = s.audit_id
                        where a.action = 'EXPORT_NATIONAL' and a.operator = ? and s.person_ids @> array[?, ?]::bigint[]""")
                .params(secretary, detailed, plain).query(Long.class).single()).isEqualTo(1);

        // the committee above sees its branches' members, their numbers masked
        String committee = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        List<List<String>> masked = export(committee, branch.committeeId());
        assertThat(masked).hasSize(3);
        String storedMask = jdbc.sql("select id_number_masked from person where id = ?").param(detailed).query(String.class).single();
        assertThat(masked.stream().filter(r -> r.get(0).equals("导出详细")).findFirst().orElseThrow().get(2))
                .isEqualTo(storedMask).isNotEqualTo(detailedNumber);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'EXPORT_NATIONAL' and operator = ? and detail like '%identity numbers in full 0'")
                .param(committee).query(Long.class).single()).isEqualTo(1);

        // another branch's secretary gets nothing of this branch
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("第三导出团支部").id());
        int refused = mvc.perform(get("/admin/people/national-export").param("under", String.valueOf(branch.id()))
                .with(fixtures.signedIn(stranger))).andReturn().getResponse().getStatus();
        assertThat(refused).isIn(403, 404);
    }

    private List<List<String>> export(String account, long under) throws Exception {
        byte[] bytes = mvc.perform(get("/admin/people/national-export").param("ledger", "YOUTH").param("under", String.valueOf(under))
                .with(fixtures.signedIn(account))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
