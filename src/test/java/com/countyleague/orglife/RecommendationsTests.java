package com.countyleague.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.TestIds;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 推优入党: who may be nominated (28 or under, registered this year), the assembly's decision, the committee's approval, the answer; reach. */
@IntegrationTest
class RecommendationsTests {

    /** noon in the county, 15 December 2026 */
    private static final Instant DECEMBER_15 = Instant.parse("2026-12-15T04:00:00Z");

    @Autowired
    Recommendations recommendations;

    @Autowired
    Meetings meetings;

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
        clock.setTo(DECEMBER_15);
        branch = fixtures.branch("推优测试团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void onlyARegisteredMemberOf28OrUnderIsNominatedAndTheStepsFollowInOrder() throws Exception {
        long twentyEight = registered(member("推优甲", LocalDate.of(1997, 12, 16)));
        long twentyNine = registered(member("推优乙", LocalDate.of(1997, 12, 15)));
        long unregistered = member("推优丙", LocalDate.of(2003, 3, 3));
        assertThatThrownBy(() -> nominate(twentyNine)).isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("messageKey", "recommendation.too-old");
        assertThatThrownBy(() -> nominate(unregistered)).isInstanceOf(RuleViolationException.class)
                .hasFieldOrPropertyWithValue("messageKey", "recommendation.not-registered");
        long id = nominate(twentyEight);
        assertThatThrownBy(() -> nominate(twentyEight)).as("one open at a time").isInstanceOf(RuleViolationException.class);

        long before = assembly(LocalDate.of(2026, 12, 1));
        long after = assembly(LocalDate.of(2026, 12, 15));
        assertThatThrownBy(() -> decide(id, before)).as("an assembly before the nomination").isInstanceOf(RuleViolationException.class);
        decide(id, after);
        mvc.perform(post("/admin/recommendations/" + id + "/approve").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isForbidden());
        String committee = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        mvc.perform(post("/admin/recommendations/" + id + "/approve").with(fixtures.signedIn(committee)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/recommendations/" + id + "/outcome").param("outcome", "ACTIVIST").param("on", "2026-12-16")
                .with(fixtures.signedIn(secretary)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(stateOf(id)).as("a day to come is refused").isEqualTo("APPROVED");
        mvc.perform(post("/admin/recommendations/" + id + "/outcome").param("outcome", "ACTIVIST").param("on", "2026-12-15")
                .with(fixtures.signedIn(secretary)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(stateOf(id)).isEqualTo("CONCLUDED");

        String page = mvc.perform(get("/admin/people/" + twentyEight).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("推优入党", "2026-12-15", "已办结", "确定为入党积极分子");
    }

    @Test
    void theCommitteeMayRejectSayingWhy() {
        long id = nominate(registered(member("推优丁", LocalDate.of(2000, 1, 1))));
        decide(id, assembly(LocalDate.of(2026, 12, 15)));
        String committee = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        assertThatThrownBy(() -> fixtures.as(committee, () -> {
            recommendations.approve(id, false, "");
            return null;
        })).isInstanceOf(RuleViolationException.class);
        fixtures.as(committee, () -> {
            recommendations.approve(id, false, "请先参加团课学习");
            return null;
        });
        assertThat(stateOf(id)).isEqualTo("REJECTED");
    }

    @Test
    void anotherBranchsSecretaryCannotNominateDecideOrRecordHere() throws Exception {
        long person = registered(member("推优戊", LocalDate.of(2001, 1, 1)));
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("别的推优团支部").id());
        mvc.perform(post("/admin/recommendations").param("personId", String.valueOf(person)).param("reason", "优秀")
                .with(fixtures.signedIn(stranger)).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from party_recommendation where person_id = ?").param(person).query(Long.class).single()).isZero();
        long id = nominate(person);
        long assembly = assembly(LocalDate.of(2026, 12, 15));
        mvc.perform(post("/admin/recommendations/" + id + "/decide").param("meetingId", String.valueOf(assembly))
                .with(fixtures.signedIn(stranger)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/recommendations").param("org", String.valueOf(branch.id())).with(fixtures.signedIn(stranger)))
                .andExpect(status().isForbidden());
        // nor may this branch's secretary decide with the other branch's assembly
        Branch other = fixtures.branch("第三推优团支部");
        long otherAssembly = fixtures.as("admin", () -> meetings.record(new Meetings.Draft(other.id(), MeetingKind.BRANCH_ASSEMBLY,
                LocalDate.of(2026, 12, 15), "别处大会", "", Set.of(), null)));
        mvc.perform(post("/admin/recommendations/" + id + "/decide").param("meetingId", String.valueOf(otherAssembly))
                .with(fixtures.signedIn(secretary)).with(csrf())).andExpect(status().isForbidden());
        decide(id, assembly);
        mvc.perform(post("/admin/recommendations/" + id + "/approve").with(fixtures.signedIn(stranger)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(stateOf(id)).isEqualTo("DECIDED");
    }

    private long member(String name, LocalDate born) {
        return fixtures.person(branch.id(), Ledger.LEAGUE_MEMBER, name, TestIds.exactly(born, Gender.MALE), null);
    }

    private long registered(long person) {
        jdbc.sql("insert into league_registration (person_id, year, registered, grade, decided_at) values (?, 2026, true, 'QUALIFIED', now())")
                .param(person).update();
        return person;
    }

    private long nominate(long person) {
        return fixtures.as(secretary, () -> recommendations.nominate(person, "工作积极，表现突出"));
    }

    private long assembly(LocalDate on) {
        return fixtures.as(secretary, () -> meetings.record(new Meetings.Draft(branch.id(), MeetingKind.BRANCH_ASSEMBLY, on, "支部大会", "",
                Set.of(), null)));
    }

    private void decide(long id, long meeting) {
        fixtures.as(secretary, () -> {
            recommendations.decide(id, meeting);
            return null;
        });
    }

    private String stateOf(long id) {
        return jdbc.sql("select status from party_recommendation where id = ?").param(id).query(String.class).single();
    }
}
