package com.countyleague.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
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

/** 青年大学习: a week's list imported all or nothing, matched by League number or by name and branch; rates by week; reach. */
@IntegrationTest
class YouthStudyTests {

    /** noon in the county, Wednesday 12 June 2030: later than any week the demo county imported on the day the tests run */
    private static final Instant JUNE_12 = Instant.parse("2030-06-12T04:00:00Z");
    private static final List<String> HEADERS = List.of("序号", "姓名", "团支部", "团员编号", "完成时间");

    @Autowired
    YouthStudy study;

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
    String week;

    @BeforeEach
    void aBranchOfFour() {
        clock.setTo(JUNE_12);
        branch = fixtures.branch("大学习" + TestFixtures.uniqueCode("团支部"));
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        for (String name : List.of("学习甲", "学习乙", "学习丙")) {
            fixtures.person(branch.id(), Ledger.LEAGUE_MEMBER, name, TestIds.of(LocalDate.of(2002, 2, 2), Gender.FEMALE), null);
        }
        jdbc.sql("update person set league_number = ?, joined_league_on = '2018-05-04' where id = ?")
                .params("2018" + (System.nanoTime() % 90_000_000L + 10_000_000L), member("学习丁")).update();
        // every test its own week, the newest yet, so that their periods do not meet
        week = LocalDate.of(2030, 6, 10).minusWeeks(10).plusWeeks(jdbc.sql("select count(*) from study_period").query(Long.class).single())
                .toString();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSheetWithOneUnknownNameChangesNothingAndNamesTheRow() throws Exception {
        long periods = jdbc.sql("select count(*) from study_period").query(Long.class).single();
        String page = upload(secretary, Sheets.xlsx(HEADERS, List.of(
                        List.of(1, "学习甲", branch.name(), "", "2030-06-11"),
                        List.of(2, "学习乙", branch.name(), "", "2030-06-11"),
                        List.of(3, "查无此人", branch.name(), "", "2030-06-11"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本次未导入任何数据", "第 4 行：" + branch.name() + "没有名为&quot;查无此人&quot;的在册团员");
        assertThat(jdbc.sql("select count(*) from study_period").query(Long.class).single()).isEqualTo(periods);
        assertThat(completions()).isZero();
    }

    @Test
    void membersAreMatchedByNumberOrByNameAndBranchAndTheBranchBelowTheLineIsListed() throws Exception {
        String number = jdbc.sql("select league_number from person where organization_id = ? and name = '学习丁'").param(branch.id())
                .query(String.class).single();
        byte[] sheet = Sheets.xlsx(HEADERS, List.of(
                List.of(1, "学习甲", branch.name(), "", "2030-06-11"),
                // the platform's spelling of the name differs; the number decides
                List.of(2, "学习 丁", "某某团支部", number, "2030-06-11")));
        upload(secretary, sheet).andExpect(status().is3xxRedirection());
        assertThat(completions()).isEqualTo(2);
        upload(secretary, sheet).andExpect(status().is3xxRedirection());
        assertThat(completions()).as("the same list twice counts once").isEqualTo(2);

        YouthStudy.View view = fixtures.as(secretary, () -> study.view(branch.id()));
        assertThat(view.periods().get(0).startsOn()).isEqualTo(LocalDate.parse(week));
        assertThat(view.branches()).singleElement().satisfies(b -> {
            assertThat(b.weeks().get(0).completed()).isEqualTo(2);
            assertThat(b.weeks().get(0).members()).isEqualTo(4);
            assertThat(b.weeks().get(0).percent()).isEqualTo(50);
        });
        assertThat(view.below()).as("50 % is below the county's 60 %").hasSize(1);
        String page = mvc.perform(get("/admin/people/" + member("学习甲")).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("青年大学习", "第" + week + "期");
    }

    @Test
    void anotherBranchsSecretaryCannotImportItsMembersOrSeeItsRates() throws Exception {
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("别的" + TestFixtures.uniqueCode("大学习团支部")).id());
        String page = upload(stranger, Sheets.xlsx(HEADERS, List.of(List.of(1, "学习甲", branch.name(), "", "2030-06-11"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("第 2 行：找不到您管辖范围内名为&quot;" + branch.name() + "&quot;的团支部");
        assertThat(completions()).isZero();
        mvc.perform(get("/admin/study").param("org", String.valueOf(branch.id())).with(fixtures.signedIn(stranger)))
                .andExpect(status().isForbidden());
    }

    private ResultActions upload(String account, byte[] xlsx) throws Exception {
        return mvc.perform(multipart("/admin/study/import")
                .file(new MockMultipartFile("file", "大学习.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx))
                .param("week", week).param("title", "第" + week + "期").with(fixtures.signedIn(account)).with(csrf()));
    }

    private long member(String name) {
        return jdbc.sql("select id from person where organization_id = ? and name = ?").params(branch.id(), name).query(Long.class).optional()
                .orElseGet(() -> fixtures.person(branch.id(), Ledger.LEAGUE_MEMBER, name, TestIds.of(LocalDate.of(2001, 1, 1), Gender.MALE), null));
    }

    private long completions() {
        return jdbc.sql("select count(*) from study_completion where organization_id = ?").param(branch.id()).query(Long.class).single();
    }
}
