package com.countyleague.activity;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.dashboard.Dashboard;
import com.countyleague.web.Figures;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class RatingsTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    Dashboard dashboard;

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
    void whoAttendedRatesOnceAfterTheEndAndTheDashboardCountsIt() throws Exception {
        Branch branch = fixtures.branch("评价团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long came = fixtures.youth(branch.id(), "评价参加者");
        String attendee = fixtures.accountFor(came, branch.id());
        String absentee = fixtures.accountFor(fixtures.youth(branch.id(), "评价缺席者"), branch.id());
        Instant now = clock.instant();
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "评价活动", null, "活动室", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1)), null, null, null,
                    new BigDecimal("1")));
            activities.publish(id);
            return id;
        });
        jdbc.sql("insert into attendance (activity_id, person_id, checked_in_at, check_in_method, version) values (?, ?, ?, 'MANUAL', 0)")
                .params(activity, came, Timestamp.from(now)).update();

        // not before the end
        mvc.perform(post("/me/activities/{id}/rating", activity).param("score", "5").with(csrf()).with(fixtures.signedIn(attendee)))
                .andExpect(flash().attribute("failure", "活动结束后，参加了活动的人才能评价"));
        clock.advance(Duration.ofHours(2));
        mvc.perform(get("/me/activities/{id}", activity).with(fixtures.signedIn(attendee)))
                .andExpect(content().string(containsString("id=\"rating-form\"")));
        mvc.perform(get("/me/activities/{id}", activity).with(fixtures.signedIn(absentee)))
                .andExpect(content().string(not(containsString("id=\"rating-form\""))));

        mvc.perform(post("/me/activities/{id}/rating", activity).param("score", "9").with(csrf()).with(fixtures.signedIn(attendee)))
                .andExpect(flash().attribute("failure", "请选择1到5分"));
        mvc.perform(post("/me/activities/{id}/rating", activity).param("score", "5").param("comment", "组织得很好")
                        .with(csrf()).with(fixtures.signedIn(attendee)))
                .andExpect(flash().attribute("success", "感谢您的评价"));
        mvc.perform(post("/me/activities/{id}/rating", activity).param("score", "1").with(csrf()).with(fixtures.signedIn(attendee)))
                .andExpect(flash().attribute("failure", "您已评价过这次活动"));
        mvc.perform(post("/me/activities/{id}/rating", activity).param("score", "1").with(csrf()).with(fixtures.signedIn(absentee)))
                .andExpect(flash().attribute("failure", "活动结束后，参加了活动的人才能评价"));
        assertThat(jdbc.sql("select score from activity_rating where activity_id = ?").param(activity).query(Integer.class).list())
                .containsExactly(5);
        mvc.perform(get("/me/activities/{id}", activity).with(fixtures.signedIn(attendee)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("组织得很好")));

        Dashboard.Board board = fixtures.as("admin", () -> dashboard.board(branch.committeeId(), null));
        Figures.Table satisfaction = board.sections().stream().flatMap(s -> s.tables().stream())
                .filter(t -> t.id().equals("satisfaction")).findFirst().orElseThrow();
        assertThat(satisfaction.rows()).singleElement().satisfies(row -> {
            assertThat(row.label()).isEqualTo(branch.name());
            assertThat(row.values()).containsExactly(1L, 1L, 0L);
        });
    }
}
