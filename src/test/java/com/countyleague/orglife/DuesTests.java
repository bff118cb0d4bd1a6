package com.countyleague.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.Sheets;
import com.countyleague.member.TestIds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** League dues: the bands at their edges in fen, payments once a month, arrears flagged and nothing else done, reach. */
@IntegrationTest
class DuesTests {

    /** noon in the county, 15 June 2026 */
    private static final Instant NOON = Instant.parse("2026-06-15T04:00:00Z");

    @Autowired
    Dues dues;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Branch branch;
    String secretary;

    @BeforeEach
    void aBranch() {
        clock.setTo(NOON);
        branch = fixtures.branch("团费测试团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theBandsAtTheirEdgesInFen() {
        DuesBands bands = dues.bands();
        assertThat(bands.monthlyFen(DuesCategory.INCOME, 199_900)).as("1,999 yuan").isEqualTo(300);
        assertThat(bands.monthlyFen(DuesCategory.INCOME, 200_000)).as("2,000 yuan").isEqualTo(400);
        assertThat(bands.monthlyFen(DuesCategory.INCOME, 200_100)).as("2,001 yuan").isEqualTo(400);
        assertThat(bands.monthlyFen(DuesCategory.INCOME, 249_999)).as("2,499.99 yuan: below the yuan dropped").isEqualTo(400);
        assertThat(bands.monthlyFen(DuesCategory.INCOME, 250_000)).as("2,500 yuan").isEqualTo(500);
        assertThat(bands.monthlyFen(DuesCategory.STUDENT, null)).isEqualTo(20);
        assertThat(bands.monthlyFen(DuesCategory.RELIEF, null)).isEqualTo(20);
    }

    @Test
    void theCountySetsTheBandsAndNobodyElse() throws Exception {
        mvc.perform(post("/admin/dues/bands").param("thresholdYuan", "3000").param("belowYuan", "3").param("permille", "2")
                .param("reducedYuan", "0.2").param("reason", "调整标准").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isForbidden());
        try {
            mvc.perform(post("/admin/dues/bands").param("thresholdYuan", "3000").param("belowYuan", "3").param("permille", "2")
                    .param("reducedYuan", "0.2").param("reason", "调整标准").with(fixtures.signedIn("admin")).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(dues.bands().monthlyFen(DuesCategory.INCOME, 299_900)).isEqualTo(300);
            assertThat(dues.bands().monthlyFen(DuesCategory.INCOME, 300_000)).isEqualTo(600);
            mvc.perform(post("/admin/dues/bands").param("thresholdYuan", "-1").param("belowYuan", "3").param("permille", "2")
                    .param("reducedYuan", "0.2").param("reason", "错误").with(fixtures.signedIn("admin")).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(dues.bands().incomeThresholdFen()).isEqualTo(300_000);
        } finally {
            jdbc.sql("update dues_setting set income_threshold_fen = 200000, below_threshold_fen = 300, permille = 2, reduced_fen = 20").update();
        }
    }

    @Test
    void aPaymentIsRecordedAtTheMembersBandOnceAMonth() throws Exception {
        long earner = member("交费甲");
        long student = member("交费乙");
        mvc.perform(post("/admin/dues/profiles").param("personId", String.valueOf(earner)).param("category", "INCOME")
                .param("incomeYuan", "2001").param("month", "2026-06").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        fixtures.as(secretary, () -> {
            dues.setProfile(student, DuesCategory.STUDENT, null);
            return null;
        });
        assertThat(record(earner, "2026-06")).isEqualTo(400);
        assertThat(record(student, "2026-06")).isEqualTo(20);
        mvc.perform(post("/admin/dues/payments").param("personId", String.valueOf(earner)).param("month", "2026-06")
                .with(fixtures.signedIn(secretary)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(payments(earner)).as("the same month twice is recorded once").isEqualTo(1);
        // an income band without an income, or a payment for a month to come, changes nothing
        mvc.perform(post("/admin/dues/profiles").param("personId", String.valueOf(earner)).param("category", "INCOME")
                .param("incomeYuan", "-5").param("month", "2026-06").with(fixtures.signedIn(secretary)).with(csrf()));
        assertThat(jdbc.sql("select monthly_income_fen from dues_profile where person_id = ?").param(earner).query(Integer.class).single())
                .isEqualTo(200_100);
        mvc.perform(post("/admin/dues/payments").param("personId", String.valueOf(earner)).param("month", "2026-07")
                .with(fixtures.signedIn(secretary)).with(csrf()));
        assertThat(payments(earner)).isEqualTo(1);
        Dues.BranchDues june = fixtures.as(secretary, () -> dues.branch(null, YearMonth.of(2026, 6)));
        assertThat(june.collectedFen()).isEqualTo(420);
        assertThat(june.lines()).filteredOn(l -> l.personId() == earner).singleElement()
                .satisfies(l -> assertThat(l.paid()).isTrue());
    }

    @Test
    void sixMonthsUnpaidAreFlaggedForTheSecretaryAndNothingElseChanges() throws Exception {
        long behind = member("欠费丙");
        long almost = member("欠费丁");
        // behind last paid for December, almost for January
        pay(behind, YearMonth.of(2025, 12));
        pay(almost, YearMonth.of(2026, 1));
        String before = jdbc.sql("select p::text from person p where id = ?").param(behind).query(String.class).single();

        Dues.BranchDues june = fixtures.as(secretary, () -> dues.branch(null, YearMonth.of(2026, 6)));
        assertThat(june.lines()).filteredOn(l -> l.personId() == behind).singleElement()
                .satisfies(l -> assertThat(l.unpaidMonths()).isEqualTo(6)).satisfies(l -> assertThat(l.duesWarned()).isTrue());
        assertThat(june.lines()).filteredOn(l -> l.personId() == almost).singleElement()
                .satisfies(l -> assertThat(l.unpaidMonths()).isEqualTo(5)).satisfies(l -> assertThat(l.duesWarned()).isFalse());
        String page = mvc.perform(get("/admin/dues").param("month", "2026-06").with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("自行脱团预警：连续 6 个月未交", "id=\"dues-warnings\"");
        // the warning is the secretary's to follow: the member stays on the register as they were
        assertThat(jdbc.sql("select p::text from person p where id = ?").param(behind).query(String.class).single()).isEqualTo(before);
    }

    @Test
    void sixMonthsWithoutAnyMeetingAreFlaggedButNeverBeforeTheMemberJoined() throws Exception {
        long away = member("缺会甲");
        long came = member("缺会乙");
        long newcomer = member("新团员丙");
        jdbc.sql("update person set joined_league_on = '2026-05-04' where id = ?").param(newcomer).update();
        // away last came in December, came in January; the newcomer joined in May and has been to nothing
        meeting(LocalDate.of(2025, 12, 31), away);
        meeting(LocalDate.of(2026, 1, 1), came);
        String before = jdbc.sql("select p::text from person p where id = ?").param(away).query(String.class).single();

        Dues.BranchDues june = fixtures.as(secretary, () -> dues.branch(null, YearMonth.of(2026, 6)));
        assertThat(june.lines()).filteredOn(l -> l.personId() == away).singleElement()
                .satisfies(l -> assertThat(l.monthsWithoutMeeting()).isEqualTo(6)).satisfies(l -> assertThat(l.lifeWarned()).isTrue());
        assertThat(june.lines()).filteredOn(l -> l.personId() == came).singleElement()
                .satisfies(l -> assertThat(l.monthsWithoutMeeting()).isEqualTo(5)).satisfies(l -> assertThat(l.lifeWarned()).isFalse());
        assertThat(june.lines()).filteredOn(l -> l.personId() == newcomer).singleElement()
                .satisfies(l -> assertThat(l.monthsWithoutMeeting()).isEqualTo(2)).satisfies(l -> assertThat(l.unpaidMonths()).isEqualTo(2))
                .satisfies(l -> assertThat(l.warned()).isFalse());
        String page = mvc.perform(get("/admin/dues").param("month", "2026-06").with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("连续 6 个月未参加组织生活");
        assertThat(jdbc.sql("select p::text from person p where id = ?").param(away).query(String.class).single()).isEqualTo(before);
    }

    @Test
    void aSheetOfPaymentsIsAllOrNothingAndOnlyForTheBranchsMembers() throws Exception {
        long earner = member("表格甲");
        long student = member("表格乙");
        fixtures.as(secretary, () -> {
            dues.setProfile(earner, DuesCategory.INCOME, 200_100);
            dues.setProfile(student, DuesCategory.STUDENT, null);
            return null;
        });
        Branch other = fixtures.branch("别的表格团支部");
        fixtures.person(other.id(), Ledger.LEAGUE_MEMBER, "表格丙", TestIds.of(LocalDate.of(2001, 3, 3), Gender.MALE), null);
        List<String> headers = List.of("姓名", "团员编号", "月份");

        String refused = importSheet(secretary, branch.id(), Sheets.xlsx(headers, List.of(
                        List.of("表格甲", "", "2026-05"),
                        List.of("表格乙", "", "2026年4月"),
                        List.of("表格丙", "", "2026-05"),
                        List.of("表格甲", "", "2026-07"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("本次未导入任何数据", "第 4 行：" + branch.name() + "没有名为&quot;表格丙&quot;的在册团员",
                "第 5 行：月份&quot;2026-07&quot;无效");
        assertThat(payments(earner) + payments(student)).isZero();

        importSheet(secretary, branch.id(), Sheets.xlsx(headers, List.of(
                        List.of("表格甲", "", "2026-05"),
                        List.of("表格乙", "", "2026年4月"),
                        List.of("表格甲", "", "2026-05-01"))))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select amount_fen from dues_payment where person_id = ? and month = '2026-05-01'").param(earner)
                .query(Integer.class).single()).isEqualTo(400);
        assertThat(jdbc.sql("select amount_fen from dues_payment where person_id = ? and month = '2026-04-01'").param(student)
                .query(Integer.class).single()).isEqualTo(20);
        assertThat(payments(earner)).as("the same month twice is kept once").isEqualTo(1);

        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        importSheet(stranger, branch.id(), Sheets.xlsx(headers, List.of(List.of("表格甲", "", "2026-03"))))
                .andExpect(status().isForbidden());
        assertThat(payments(earner)).isEqualTo(1);
    }

    @Test
    void anotherBranchsSecretaryCannotRecordDuesOrSetABandHere() throws Exception {
        long person = member("别支部团员");
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("别的团费团支部").id());
        mvc.perform(post("/admin/dues/payments").param("personId", String.valueOf(person)).param("month", "2026-06")
                .with(fixtures.signedIn(stranger)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/admin/dues/profiles").param("personId", String.valueOf(person)).param("category", "STUDENT")
                .param("month", "2026-06").with(fixtures.signedIn(stranger)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/admin/dues").param("org", String.valueOf(branch.id())).with(fixtures.signedIn(stranger)))
                .andExpect(status().isForbidden());
        assertThat(payments(person)).isZero();
        assertThat(jdbc.sql("select count(*) from dues_profile where person_id = ?").param(person).query(Long.class).single()).isZero();
    }

    private long member(String name) {
        return fixtures.person(branch.id(), Ledger.LEAGUE_MEMBER, name, TestIds.of(LocalDate.of(2001, 3, 3), Gender.FEMALE), null);
    }

    private int record(long person, String month) {
        return fixtures.as(secretary, () -> dues.record(person, YearMonth.parse(month)));
    }

    private void pay(long person, YearMonth month) {
        jdbc.sql("insert into dues_payment (person_id, organization_id, month, amount_fen, recorded_by, recorded_at) values (?, ?, ?, 300, 'test', now())")
                .params(person, branch.id(), Date.valueOf(month.atDay(1))).update();
    }

    private ResultActions importSheet(String account, long org, byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/admin/dues/import")
                .file(new MockMultipartFile("file", "团费.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))
                .param("org", String.valueOf(org)).with(fixtures.signedIn(account)).with(csrf()));
    }

    private void meeting(LocalDate on, long attendee) {
        long id = jdbc.sql("""
                        insert into org_meeting (organization_id, kind, held_on, topic, minutes, members, recorded_by, recorded_at)
                        values (?, 'BRANCH_COMMITTEE', ?, '支委会', '', 3, 'test', now()) returning id""")
                .params(branch.id(), Date.valueOf(on)).query(Long.class).single();
        jdbc.sql("insert into org_meeting_attendee (meeting_id, person_id) values (?, ?)").params(id, attendee).update();
    }

    private long payments(long person) {
        return jdbc.sql("select count(*) from dues_payment where person_id = ?").param(person).query(Long.class).single();
    }
}
