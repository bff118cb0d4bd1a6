package com.countyleague.member;

import java.time.LocalDate;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Transfers between branches, joining the League, and retiring past 28 — with their history. */
@IntegrationTest
class LifeEventsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Branch from;
    Branch to;
    String sender;
    String receiver;

    @BeforeEach
    void twoBranches() {
        from = fixtures.branch("转出团支部");
        to = fixtures.branch("转入团支部");
        sender = fixtures.account(Role.BRANCH_SECRETARY, from.id());
        receiver = fixtures.account(Role.BRANCH_SECRETARY, to.id());
    }

    @Test
    void theReceivingBranchAcceptsATransferAndBothSidesSeeIt() throws Exception {
        long person = fixtures.person(from.id(), Ledger.LEAGUE_MEMBER, "转接人", TestIds.of(LocalDate.of(2003, 3, 3), Gender.MALE), null);
        mvc.perform(post("/admin/people/{id}/transfer", person).with(fixtures.signedIn(sender)).with(csrf())
                        .param("toOrgId", Long.toString(to.id())).param("reason", "工作调动"))
                .andExpect(status().is3xxRedirection());
        long transfer = jdbc.sql("select id from transfer_request where person_id = ?").param(person).query(Long.class).single();
        assertThat(organizationOf(person)).isEqualTo(from.id());

        mvc.perform(post("/admin/people/transfers/{id}/accept", transfer).with(fixtures.signedIn(sender)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/people/transfers").with(fixtures.signedIn(receiver)))
                .andExpect(content().string(containsString("转接人")))
                .andExpect(content().string(containsString("accept-transfer")));

        mvc.perform(post("/admin/people/transfers/{id}/accept", transfer).with(fixtures.signedIn(receiver)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(organizationOf(person)).isEqualTo(to.id());
        mvc.perform(get("/admin/people/{id}", person).with(fixtures.signedIn(receiver))).andExpect(status().isOk());
        // once transferred, the person is out of the sender's reach: as if absent, not "forbidden"
        mvc.perform(get("/admin/people/{id}", person).with(fixtures.signedIn(sender))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/people/transfers").with(fixtures.signedIn(sender)))
                .andExpect(content().string(containsString("转接人")))
                .andExpect(content().string(containsString("已接收")));
        assertThat(jdbc.sql("select type from person_event where person_id = ? order by id").param(person).query(String.class).list())
                .containsExactly("CREATED", "TRANSFER_REQUESTED", "TRANSFER_ACCEPTED");
    }

    @Test
    void aThirdBranchNeitherSeesNorDecidesTheTransfer() throws Exception {
        Branch third = fixtures.branch("第三团支部");
        String outsider = fixtures.account(Role.BRANCH_SECRETARY, third.id());
        long person = fixtures.person(from.id(), Ledger.YOUTH, "旁观者", TestIds.of(LocalDate.of(2000, 1, 1), Gender.FEMALE), null);
        mvc.perform(post("/admin/people/{id}/transfer", person).with(fixtures.signedIn(sender)).with(csrf())
                .param("toOrgId", Long.toString(to.id())));
        long transfer = jdbc.sql("select id from transfer_request where person_id = ?").param(person).query(Long.class).single();
        mvc.perform(get("/admin/people/transfers").with(fixtures.signedIn(outsider)))
                .andExpect(content().string(not(containsString("旁观者"))));
        mvc.perform(post("/admin/people/transfers/{id}/accept", transfer).with(fixtures.signedIn(outsider)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/people/transfers/{id}/reject", transfer).with(fixtures.signedIn(receiver)).with(csrf())
                        .param("note", "查无此人"))
                .andExpect(status().is3xxRedirection());
        assertThat(organizationOf(person)).isEqualTo(from.id());
        mvc.perform(post("/admin/people/transfers/{id}/accept", transfer).with(fixtures.signedIn(receiver)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(organizationOf(person)).isEqualTo(from.id());
    }

    @Test
    void onlyMembersPast28WithoutAPostAreRetiredAndOnlyAfterConfirmation() throws Exception {
        LocalDate today = LocalDate.now();
        long due = fixtures.person(from.id(), Ledger.LEAGUE_MEMBER, "超龄团员", TestIds.exactly(today.minusYears(29), Gender.MALE), null);
        long young = fixtures.person(from.id(), Ledger.LEAGUE_MEMBER, "年轻团员", TestIds.exactly(today.minusYears(20), Gender.MALE), null);
        long postHolder = fixtures.person(from.id(), Ledger.LEAGUE_MEMBER, "超龄书记", TestIds.exactly(today.minusYears(30), Gender.FEMALE), null);
        jdbc.sql("update person set league_post = 'SECRETARY' where id = ?").param(postHolder).update();

        mvc.perform(get("/admin/people/past-age").with(fixtures.signedIn(sender)))
                .andExpect(content().string(containsString("超龄团员")))
                .andExpect(content().string(containsString("超龄书记")))
                .andExpect(content().string(not(containsString("年轻团员"))));
        assertThat(statusOf(due)).isEqualTo("ACTIVE");

        mvc.perform(post("/admin/people/past-age/retire").with(fixtures.signedIn(sender)).with(csrf())
                        .param("ids", Long.toString(due), Long.toString(young)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(due)).isEqualTo("ACTIVE");
        assertThat(statusOf(young)).isEqualTo("ACTIVE");

        mvc.perform(post("/admin/people/past-age/retire").with(fixtures.signedIn(sender)).with(csrf())
                        .param("ids", Long.toString(postHolder)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(postHolder)).isEqualTo("ACTIVE");

        mvc.perform(post("/admin/people/past-age/retire").with(fixtures.signedIn(sender)).with(csrf())
                        .param("ids", Long.toString(due)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(due)).isEqualTo("RETIRED");
        assertThat(jdbc.sql("select count(*) from person where id = ?").param(due).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aYouthJoinsTheLeague() throws Exception {
        long youth = fixtures.person(from.id(), Ledger.YOUTH, "入团青年", TestIds.exactly(LocalDate.now().minusYears(18), Gender.FEMALE), null);
        LocalDate joined = LocalDate.now().minusDays(10);
        mvc.perform(post("/admin/people/{id}/join", youth).with(fixtures.signedIn(sender)).with(csrf())
                        .param("joinedOn", joined.toString()).param("leagueNumber", joined.getYear() + "00000042"))
                .andExpect(status().is3xxRedirection());
        var row = jdbc.sql("select ledger, joined_league_on, league_number, political_status from person where id = ?").param(youth).query().singleRow();
        assertThat(row.get("ledger")).isEqualTo("LEAGUE_MEMBER");
        assertThat(row.get("league_number")).isEqualTo(joined.getYear() + "00000042");
        assertThat(row.get("political_status")).isEqualTo("LEAGUE_MEMBER");

        long wrongNumber = fixtures.person(from.id(), Ledger.YOUTH, "编号错误", TestIds.exactly(LocalDate.now().minusYears(18), Gender.MALE), null);
        mvc.perform(post("/admin/people/{id}/join", wrongNumber).with(fixtures.signedIn(sender)).with(csrf())
                        .param("joinedOn", joined.toString()).param("leagueNumber", "2016" + "00000042"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select ledger from person where id = ?").param(wrongNumber).query(String.class).single()).isEqualTo("YOUTH");
    }

    private long organizationOf(long person) {
        return jdbc.sql("select organization_id from person where id = ?").param(person).query(Long.class).single();
    }

    private String statusOf(long person) {
        return jdbc.sql("select status from person where id = ?").param(person).query(String.class).single();
    }
}
