package com.countyleague.group;

import java.time.Duration;
import java.time.Instant;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Core team limits, capacity and the waiting list, the inactivity review, and who runs which group. */
@IntegrationTest
class GroupsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Groups groups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Branch branch;

    @BeforeEach
    void aBranch() {
        branch = fixtures.branch("团体测试团支部");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFourthExpertIsRefused() {
        long group = fixtures.group(GroupKind.PRACTICE_GROUP, branch.id(), null);
        long[] memberships = new long[4];
        for (int i = 0; i < 4; i++) {
            memberships[i] = fixtures.enrol(group, fixtures.youth(branch.id(), "专家" + "甲乙丙丁".charAt(i))).getId();
        }
        for (int i = 0; i < 3; i++) {
            long id = memberships[i];
            fixtures.as("admin", () -> {
                groups.appoint(id, GroupRole.EXPERT);
                return null;
            });
        }
        assertThatThrownBy(() -> fixtures.as("admin", () -> {
            groups.appoint(memberships[3], GroupRole.EXPERT);
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> {
            assertThat(e.messageKey()).isEqualTo("group.role.limit");
            assertThat(e.arguments()).containsExactly(3);
        });
        assertThat(holders(group, "EXPERT")).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from group_role_history where group_id = ? and role = 'EXPERT'")
                .param(group).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aYouthCouncilIsOneGuideOneCadreAndMembers() {
        long council = fixtures.group(GroupKind.YOUTH_COUNCIL, branch.id(), null);
        long guide = fixtures.youth(branch.id(), "指导员");
        long cadre = fixtures.youth(branch.id(), "团干部");
        // both qualified, so that only the limit of one guide refuses the second
        jdbc.sql("update person set political_status = 'CPC_MEMBER' where id in (?, ?)").params(guide, cadre).update();
        long first = fixtures.enrol(council, guide).getId();
        long second = fixtures.enrol(council, cadre).getId();
        assertThatThrownBy(() -> fixtures.as("admin", () -> {
            groups.appoint(first, GroupRole.OWNER);
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("group.role.not-for-kind"));
        fixtures.as("admin", () -> {
            groups.appoint(first, GroupRole.GUIDE);
            return null;
        });
        assertThatThrownBy(() -> fixtures.as("admin", () -> {
            groups.appoint(second, GroupRole.GUIDE);
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("group.role.limit"));
    }

    @Test
    void aFullGroupPutsNewcomersOnTheWaitingListAndMovesThemUpWhenSomeoneLeaves() throws Exception {
        long group = fixtures.group(GroupKind.INTEREST_GROUP, branch.id(), 2);
        long first = fixtures.youth(branch.id(), "先来");
        long second = fixtures.youth(branch.id(), "后到");
        long third = fixtures.youth(branch.id(), "候补");
        String firstAccount = fixtures.accountFor(first, branch.id());
        String thirdAccount = fixtures.accountFor(third, branch.id());

        assertThat(fixtures.enrol(group, first).getStatus()).isEqualTo(Membership.Status.ACTIVE);
        assertThat(fixtures.enrol(group, second).getStatus()).isEqualTo(Membership.Status.ACTIVE);
        mvc.perform(post("/me/groups/{id}/apply", group).with(fixtures.signedIn(thirdAccount)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long request = jdbc.sql("select id from group_membership where group_id = ? and person_id = ?")
                .params(group, third).query(Long.class).single();
        mvc.perform(post("/groups/{id}/memberships/{m}/accept", group, request).with(fixtures.signedIn("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(group, third)).isEqualTo("WAITING");
        assertThat(active(group)).isEqualTo(2);

        mvc.perform(post("/me/groups/{id}/leave", group).with(fixtures.signedIn(firstAccount)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(group, third)).isEqualTo("ACTIVE");
        assertThat(active(group)).isEqualTo(2);
        assertThat(jdbc.sql("select message_key from notification where person_id = ? order by id desc limit 1")
                .param(third).query(String.class).single()).isEqualTo("group.notice.promoted");
        mvc.perform(get("/me/notifications").with(fixtures.signedIn(thirdAccount)))
                .andExpect(content().string(containsString("有了空位，您已从候补转为正式成员")));
    }

    @Test
    void inactiveMembersAreFlaggedButOnlyRemovedWhenALeaderConfirms() throws Exception {
        long group = fixtures.group(GroupKind.INTEREST_GROUP, branch.id(), null);
        long quiet = fixtures.youth(branch.id(), "不活跃");
        long busy = fixtures.youth(branch.id(), "常参加");
        long quietMembership = fixtures.enrol(group, quiet).getId();
        fixtures.enrol(group, busy);

        clock.advance(Duration.ofDays(91));
        fixtures.as("admin", () -> {
            groups.noteAttendance(group, busy, Instant.now(clock));
            return null;
        });
        Groups.GroupPage page = fixtures.as("admin", () -> groups.page(group, PageRequest.of(0, 50)));
        assertThat(page.inactive()).extracting(r -> r.person().name()).containsExactly("不活跃");
        assertThat(statusOf(group, quiet)).isEqualTo("ACTIVE");

        clock.advance(Duration.ofDays(30));
        assertThat(statusOf(group, quiet)).isEqualTo("ACTIVE");

        mvc.perform(post("/groups/{id}/remove", group).with(fixtures.signedIn("admin")).with(csrf())
                        .param("ids", Long.toString(quietMembership)))
                .andExpect(status().is3xxRedirection());
        assertThat(statusOf(group, quiet)).isEqualTo("REMOVED");
        assertThat(statusOf(group, busy)).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("select message_key from notification where person_id = ? order by id desc limit 1")
                .param(quiet).query(String.class).single()).isEqualTo("group.notice.removed");
    }

    @Test
    void theLeaderOfOneGroupIsRefusedAnother() throws Exception {
        long groupX = fixtures.group(GroupKind.INTEREST_GROUP, branch.id(), null);
        long groupY = fixtures.group(GroupKind.INTEREST_GROUP, branch.id(), null);
        long leader = fixtures.youth(branch.id(), "组长");
        long owner = fixtures.enrol(groupX, leader).getId();
        fixtures.as("admin", () -> {
            groups.appoint(owner, GroupRole.OWNER);
            return null;
        });
        String account = fixtures.accountFor(leader, branch.id());
        long applicant = fixtures.youth(branch.id(), "申请人");
        long request = fixtures.as("admin", () -> groups.nominate(groupY, applicant));

        mvc.perform(get("/me/groups").with(fixtures.signedIn(account)))
                .andExpect(content().string(containsString("href=\"/groups/" + groupX + "\"")))
                .andExpect(content().string(not(containsString("href=\"/groups/" + groupY + "\""))));
        mvc.perform(get("/groups/{id}", groupX).with(fixtures.signedIn(account))).andExpect(status().isOk());
        mvc.perform(get("/groups/{id}", groupY).with(fixtures.signedIn(account))).andExpect(status().isForbidden());
        mvc.perform(post("/groups/{id}/memberships/{m}/accept", groupY, request).with(fixtures.signedIn(account)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/groups/{id}/memberships/{m}/accept", groupX, request).with(fixtures.signedIn(account)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/groups").with(fixtures.signedIn(account))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select status from group_membership where id = ?").param(request).query(String.class).single())
                .isEqualTo("PENDING");
    }

    @Test
    void aSecretaryNominatesToAGroupOnlyPeopleOfTheirReach() {
        long group = fixtures.group(GroupKind.PRACTICE_GROUP, branch.id(), null);
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        Branch other = fixtures.branch("团体别处团支部");
        long outsider = fixtures.youth(other.id(), "别处青年");
        long ours = fixtures.youth(branch.id(), "本处青年");

        assertThatThrownBy(() -> fixtures.as(secretary, () -> groups.nominate(group, outsider))).isInstanceOf(NotFoundException.class);
        assertThat(jdbc.sql("select count(*) from group_membership where person_id = ?").param(outsider).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from notification where person_id = ?").param(outsider).query(Long.class).single())
                .isZero();
        long request = fixtures.as(secretary, () -> groups.nominate(group, ours));
        assertThat(jdbc.sql("select status from group_membership where id = ?").param(request).query(String.class).single())
                .isEqualTo("PENDING");
    }

    @Test
    void aMemberIsInSeveralGroupsWithDifferentRoles() {
        long one = fixtures.group(GroupKind.INTEREST_GROUP, branch.id(), null);
        long two = fixtures.group(GroupKind.VOLUNTEER_TEAM, branch.id(), null);
        long person = fixtures.youth(branch.id(), "多面手");
        long inOne = fixtures.enrol(one, person).getId();
        fixtures.enrol(two, person);
        fixtures.as("admin", () -> {
            groups.appoint(inOne, GroupRole.LEADER);
            return null;
        });
        assertThat(jdbc.sql("select coalesce(role, '-') from group_membership where person_id = ? and status = 'ACTIVE' order by group_id")
                .param(person).query(String.class).list()).containsExactly("LEADER", "-");
    }

    private long holders(long group, String role) {
        return jdbc.sql("select count(*) from group_membership where group_id = ? and role = ? and status = 'ACTIVE'")
                .params(group, role).query(Long.class).single();
    }

    private long active(long group) {
        return jdbc.sql("select count(*) from group_membership where group_id = ? and status = 'ACTIVE'").param(group).query(Long.class).single();
    }

    private String statusOf(long group, long person) {
        return jdbc.sql("select status from group_membership where group_id = ? and person_id = ? order by id desc limit 1")
                .params(group, person).query(String.class).single();
    }
}
