package com.countyleague;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.group.GroupKind;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.TestIds;
import com.countyleague.volunteer.Rosters;
import com.countyleague.volunteer.VolunteerPost;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A county-wide group hosted by one branch has members from another: the host's secretary sees the
 * mobiles and full names of their own branch's people only, on every page that lists people.
 */
@IntegrationTest
class PersonalDataByReachTests {

    private static final String OURS_MOBILE = "13911112222";
    private static final String THEIRS_MOBILE = "13933334444";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    Rosters rosters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    Branch host;
    String secretary;
    long ours;
    long theirs;

    @BeforeEach
    void aGroupWithMembersOfTwoBranches() {
        host = fixtures.branch("掩码主办团支部");
        Branch other = fixtures.branch("掩码邻近团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, host.id());
        ours = fixtures.person(host.id(), Ledger.YOUTH, "本支部青年", TestIds.of(LocalDate.of(2001, 3, 3), Gender.MALE), OURS_MOBILE);
        theirs = fixtures.person(other.id(), Ledger.YOUTH, "邻支部志愿者", TestIds.of(LocalDate.of(2002, 4, 4), Gender.FEMALE),
                THEIRS_MOBILE);
    }

    @Test
    void aGroupsMembersOfAnotherBranchAreMaskedForTheHostsSecretary() throws Exception {
        long group = fixtures.group(GroupKind.PRACTICE_GROUP, host.id(), null);
        fixtures.enrol(group, ours);
        fixtures.enrol(group, theirs);

        assertShowsOursInFullAndTheirsMasked("/groups/" + group);
    }

    @Test
    void attendanceOfAnotherBranchsPeopleIsMaskedForTheHostsSecretary() throws Exception {
        Instant now = clock.instant();
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(host.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "掩码测试活动", null, null, now.minus(Duration.ofMinutes(10)), now.plus(Duration.ofHours(1)), null, null, null,
                    new BigDecimal("1")));
            activities.publish(id);
            return id;
        });
        for (long person : List.of(ours, theirs)) {
            jdbc.sql("insert into attendance (activity_id, person_id, checked_in_at, check_in_method, version) values (?, ?, now(), 'CODE', 0)")
                    .params(activity, person).update();
        }

        String page = mvc.perform(get("/activities/{id}", activity).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本支部青年", "邻****者").doesNotContain("邻支部志愿者")
                // and the other branch's person is not offered for signing out by hand: that would be refused
                .contains("value=\"" + ours + "\"").doesNotContain("value=\"" + theirs + "\"");
    }

    @Test
    void aRosterOfAnotherBranchsVolunteersIsMaskedForTheHostsSecretary() throws Exception {
        long team = fixtures.group(GroupKind.VOLUNTEER_TEAM, host.id(), null);
        fixtures.enrol(team, ours);
        fixtures.enrol(team, theirs);
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        long post = fixtures.as(secretary, () -> rosters.create(new VolunteerPost.Details("掩码门岗", host.id(), host.compoundId(), null,
                team, 1, List.of(new VolunteerPost.Slot(0, LocalTime.of(8, 0), LocalTime.of(12, 0))), VolunteerPost.Status.ACTIVE)));
        fixtures.as(secretary, () -> rosters.generate(post, tomorrow, 1));

        String page = mvc.perform(get("/volunteer/posts/{id}", post).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本支部青年", "邻****者").doesNotContain("邻支部志愿者");
    }

    private void assertShowsOursInFullAndTheirsMasked(String address) throws Exception {
        String page = mvc.perform(get(address).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("本支部青年", OURS_MOBILE, "邻****者", "139****4444")
                .doesNotContain("邻支部志愿者", THEIRS_MOBILE);
    }
}
