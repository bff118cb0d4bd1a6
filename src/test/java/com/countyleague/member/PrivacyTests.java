package com.countyleague.member;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A member's own data (PIPL): what is held, who revealed or exported it, corrections, and what is deleted when. */
@IntegrationTest
class PrivacyTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ImportRetention retention;

    Branch branch;
    Branch otherBranch;
    long personA;
    long personB;
    String memberA;
    String secretary;
    String otherSecretary;

    @BeforeEach
    void twoMembersOfOneBranch() {
        branch = fixtures.branch("隐私支部");
        otherBranch = fixtures.branch("隐私他支部");
        personA = fixtures.person(branch.id(), Ledger.LEAGUE_MEMBER, "隐私甲", TestIds.of(LocalDate.of(2002, 4, 1), Gender.MALE), "13912345671");
        personB = fixtures.person(branch.id(), Ledger.LEAGUE_MEMBER, "隐私乙", TestIds.of(LocalDate.of(2001, 5, 1), Gender.FEMALE), "13912345672");
        memberA = fixtures.accountFor(personA, branch.id());
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        otherSecretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, otherBranch.id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theMemberSeesEveryRevealOfTheirNumberAndEveryExportHoldingThemAndNobodyElses() throws Exception {
        fixtures.as(secretary, () -> people.reveal(personA));
        fixtures.as(secretary, () -> people.reveal(personA));
        fixtures.as(secretary, () -> people.reveal(personB));
        mvc.perform(get("/admin/people/export").param("ledger", "LEAGUE_MEMBER").param("under", String.valueOf(branch.id()))
                .with(fixtures.signedIn(secretary))).andExpect(status().isOk());
        // an export of another branch does not hold A
        mvc.perform(get("/admin/people/export").param("ledger", "LEAGUE_MEMBER").param("under", String.valueOf(otherBranch.id()))
                .with(fixtures.signedIn(otherSecretary))).andExpect(status().isOk());

        String page = mvc.perform(get("/me/privacy").with(fixtures.signedIn(memberA))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String touches = page.replaceAll("(?s).*<table class=\"table table-sm\" id=\"touches\">(.*?)</table>.*", "$1");
        assertThat(touches.split("查看完整身份证号", -1)).hasSize(3);
        assertThat(touches.split("导出台账名单", -1)).hasSize(2);
        assertThat(touches).contains(branch.name());
        // the ledger record is shown with the number masked; nothing of B
        String idA = jdbc.sql("select id_number_masked from person where id = ?").param(personA).query(String.class).single();
        assertThat(page).contains("隐私甲", idA, "13912345671").doesNotContain("隐私乙");
    }

    @Test
    void theDownloadIsAJsonFileOfTheSameSections() throws Exception {
        var response = mvc.perform(get("/me/privacy/download").with(fixtures.signedIn(memberA))).andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"my-data.json\""))
                .andReturn().getResponse();
        String json = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).startsWith("{").contains("\"台账记录\"", "\"姓名\"", "\"隐私甲\"", "\"积分明细\"", "\"加入的团体\"",
                "\"谁查看或导出过我的身份证号\"");
        String fullId = fixtures.as("admin", () -> people.reveal(personA));
        assertThat(json).doesNotContain(fullId);
    }

    @Test
    void aCorrectionGoesToTheSecretaryOfTheBranchAndAnotherBranchCannotCloseIt() throws Exception {
        mvc.perform(post("/me/privacy/corrections").param("field", "MOBILE").param("wanted", "13800009999")
                .with(fixtures.signedIn(memberA)).with(csrf())).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from correction_request where person_id = ?").param(personA).query(Long.class).single();

        assertThat(mvc.perform(get("/admin/people/corrections").with(fixtures.signedIn(secretary))).andReturn().getResponse()
                .getContentAsString()).contains("隐私甲", "13800009999");
        assertThat(mvc.perform(get("/admin/people/corrections").with(fixtures.signedIn(otherSecretary))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("隐私甲");
        mvc.perform(post("/admin/people/corrections/{id}", id).param("done", "true")
                .with(fixtures.signedIn(otherSecretary)).with(csrf())).andExpect(status().isForbidden());
        assertThat(requestStatus(id)).isEqualTo("OPEN");

        // declining needs a reason; nothing changes without one
        mvc.perform(post("/admin/people/corrections/{id}", id).param("done", "false")
                .with(fixtures.signedIn(secretary)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(requestStatus(id)).isEqualTo("OPEN");
        mvc.perform(post("/admin/people/corrections/{id}", id).param("done", "true")
                .with(fixtures.signedIn(secretary)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(requestStatus(id)).isEqualTo("DONE");
        assertThat(jdbc.sql("select count(*) from notification where person_id = ? and message_key = 'privacy.correction.done'")
                .param(personA).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aCorrectionWithoutWhatItShouldBeIsAFieldErrorAndStoresNothing() throws Exception {
        String page = mvc.perform(post("/me/privacy/corrections").param("field", "NAME").param("wanted", "  ")
                .with(fixtures.signedIn(memberA)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("is-invalid").contains("此项为必填项");
        assertThat(jdbc.sql("select count(*) from correction_request where person_id = ?").param(personA).query(Integer.class).single())
                .isZero();
    }

    @Test
    void importFilesAreDeletedAfterTheRetentionPeriodAndAWaitingImportCanNoLongerBeConfirmed() throws Exception {
        byte[] sheet = Sheets.xlsx(Sheets.HEADERS, List.of(Sheets.row("留存甲", TestIds.of(LocalDate.of(2000, 1, 2), Gender.MALE),
                null, "团员", branch.name()), Sheets.row("", "bad", null, "团员", branch.name())));
        long job = fixtures.as(secretary, () -> imports.upload("old.xlsx", sheet));
        assertThat(jdbc.sql("select length(content) from import_job where id = ?").param(job).query(Integer.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from import_problem where job_id = ?").param(job).query(Integer.class).single()).isPositive();

        clock.advance(Duration.ofDays(29));
        retention.purge();
        assertThat(jdbc.sql("select length(content) from import_job where id = ?").param(job).query(Integer.class).single()).isPositive();

        clock.advance(Duration.ofDays(2));
        assertThat(retention.purge()).isPositive();
        assertThat(jdbc.sql("select length(content) from import_job where id = ?").param(job).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from import_problem where job_id = ?").param(job).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select uploaded_by from import_job where id = ?").param(job).query(String.class).single()).isEqualTo(secretary);
    }

    @Autowired
    PeopleImports imports;

    @Autowired
    People people;

    private String requestStatus(long id) {
        return jdbc.sql("select status from correction_request where id = ?").param(id).query(String.class).single();
    }
}
