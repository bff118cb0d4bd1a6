package com.countyleague.volunteer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.group.GroupKind;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Rotation rosters of a post: balanced, clear of stated unavailability, regenerated without touching the past. */
@IntegrationTest
@RecordApplicationEvents
class RosterTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Rosters rosters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    Branch branch;
    String secretary;
    long team;
    List<Long> members = new ArrayList<>();
    List<String> accounts = new ArrayList<>();
    long post;

    @BeforeEach
    void aPostWithATeamOfSeven() {
        branch = fixtures.branch("值守测试团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        team = fixtures.group(GroupKind.VOLUNTEER_TEAM, branch.id(), null);
        for (int i = 0; i < 7; i++) {
            long person = fixtures.youth(branch.id(), "队员" + "一二三四五六七".charAt(i));
            fixtures.enrol(team, person);
            members.add(person);
            accounts.add(fixtures.accountFor(person, branch.id()));
        }
        post = fixtures.as(secretary, () -> rosters.create(new VolunteerPost.Details("小区门岗", branch.id(), branch.compoundId(), null,
                team, 1, List.of(new VolunteerPost.Slot(0, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new VolunteerPost.Slot(0, LocalTime.of(14, 0), LocalTime.of(18, 0))), VolunteerPost.Status.ACTIVE)));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void sevenMembersOverFourWeeksWithTwoShiftsADayAreBalancedAndKeptClearOfTheirUnavailableDays() {
        LocalDate today = LocalDate.now(clock);
        fixtures.as(accounts.get(0), () -> {
            rosters.declareUnavailable(today, today.plusDays(6), "出差");
            return null;
        });
        fixtures.as(accounts.get(1), () -> {
            rosters.declareUnavailable(today.plusDays(10), today.plusDays(12), "考试");
            return null;
        });

        Rosters.Generated generated = fixtures.as(secretary, () -> rosters.generate(post, today, 4));

        assertThat(generated.shifts()).isEqualTo(56);
        assertThat(generated.unfilled()).isZero();
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("select person_id, count(*) from volunteer_shift where post_id = ? group by person_id").param(post)
                .query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        assertThat(counts).hasSize(7);
        assertThat(counts.values().stream().max(Long::compare).orElseThrow() - counts.values().stream().min(Long::compare).orElseThrow())
                .isLessThanOrEqualTo(1);
        assertThat(shiftsOn(members.get(0), today, today.plusDays(6))).isZero();
        assertThat(shiftsOn(members.get(1), today.plusDays(10), today.plusDays(12))).isZero();
    }

    @Test
    void regeneratingLeavesThePastAndConfirmedShiftsAsTheyWere() {
        LocalDate start = LocalDate.now(clock);
        fixtures.as(secretary, () -> rosters.generate(post, start, 4));
        // confirmed within the week (later it would be a late confirmation), then a week more goes by
        clock.advance(Duration.ofDays(5));
        long kept = jdbc.sql("select id from volunteer_shift where post_id = ? and day = ? and slot_no = 1").params(post, start)
                .query(Long.class).single();
        fixtures.as(secretary, () -> rosters.confirm(post, List.of(kept), true));
        clock.advance(Duration.ofDays(9));
        LocalDate today = LocalDate.now(clock);
        List<String> pastBefore = shifts("day < ?", today);

        fixtures.as(accounts.get(2), () -> {
            rosters.declareUnavailable(today, today.plusDays(27), "外出学习");
            return null;
        });
        Rosters.Generated again = fixtures.as(secretary, () -> rosters.generate(post, today, 4));

        assertThat(shifts("day < ?", today)).isEqualTo(pastBefore);
        assertThat(jdbc.sql("select status from volunteer_shift where id = ?").param(kept).query(String.class).single()).isEqualTo("COMPLETED");
        assertThat(again.shifts()).isEqualTo(56);
        assertThat(shiftsOn(members.get(2), today, today.plusDays(27))).isZero();
        assertThatThrownBy(() -> fixtures.as(secretary, () -> rosters.generate(post, today.minusDays(1), 1)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("roster.from.past"));
    }

    @Test
    void aSwapApprovedByTheLeaderExchangesTheShiftsAndAConfirmedShiftCountsItsHours() {
        LocalDate today = LocalDate.now(clock);
        fixtures.as(secretary, () -> rosters.generate(post, today.plusDays(1), 1));
        long mine = firstShiftOf(members.get(0));
        long theirs = firstShiftOf(members.get(1));
        long swap = fixtures.as(accounts.get(0), () -> rosters.requestSwap(mine, members.get(1), theirs, "家里有事"));
        assertThatThrownBy(() -> fixtures.as(accounts.get(0), () -> rosters.requestSwap(mine, members.get(2), null, null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("swap.exists"));

        fixtures.as(secretary, () -> {
            rosters.decideSwap(swap, true);
            return null;
        });
        assertThat(personOf(mine)).isEqualTo(members.get(1));
        assertThat(personOf(theirs)).isEqualTo(members.get(0));

        assertThatThrownBy(() -> fixtures.as(secretary, () -> rosters.confirm(post, List.of(mine), true)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("shift.not-over"));
        clock.advance(Duration.ofDays(3));
        fixtures.as(secretary, () -> rosters.confirm(post, List.of(mine), true));
        assertThat(events.stream(ShiftConfirmed.class).filter(e -> e.shiftId() == mine)).singleElement()
                .satisfies(e -> assertThat(e.serviceMinutes()).isEqualTo(240));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> rosters.confirm(post, List.of(mine), true)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("shift.already-confirmed"));
    }

    @Test
    void anotherBranchsSecretaryAndAPlainTeamMemberCannotRunTheRoster() throws Exception {
        Branch other = fixtures.branch("别处团支部");
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        mvc.perform(get("/volunteer/posts/{id}", post).with(fixtures.signedIn(stranger))).andExpect(status().isForbidden());
        mvc.perform(post("/volunteer/posts/{id}/generate", post).param("from", LocalDate.now(clock).toString()).param("weeks", "1")
                .with(fixtures.signedIn(stranger)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/volunteer/posts/{id}/generate", post).param("from", LocalDate.now(clock).toString()).param("weeks", "1")
                .with(fixtures.signedIn(accounts.get(3))).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from volunteer_shift where post_id = ?").param(post).query(Long.class).single()).isZero();

        mvc.perform(get("/volunteer/posts/{id}", post).with(fixtures.signedIn(secretary))).andExpect(status().isOk());
        mvc.perform(get("/me/shifts").with(fixtures.signedIn(accounts.get(3)))).andExpect(status().isOk());
    }

    @Test
    void theRosterPagesRenderInBothLanguages() throws Exception {
        LocalDate today = LocalDate.now(clock);
        fixtures.as(secretary, () -> rosters.generate(post, today, 2));
        for (String lang : List.of("zh_CN", "en")) {
            for (String page : List.of("/volunteer/posts", "/volunteer/posts/new", "/volunteer/posts/" + post,
                    "/volunteer/posts/" + post + "?from=" + today.plusDays(14), "/volunteer/posts/" + post + "/edit",
                    "/admin/people/" + members.get(0) + "/service")) {
                mvc.perform(get(page).param("lang", lang).with(fixtures.signedIn(secretary))).andExpect(status().isOk());
            }
            for (String page : List.of("/me/shifts", "/me/service", "/me/service?year=2025")) {
                mvc.perform(get(page).param("lang", lang).with(fixtures.signedIn(accounts.get(0)))).andExpect(status().isOk());
            }
        }
    }

    @Test
    void aPostWithOverlappingShiftsIsRefusedNextToTheField() throws Exception {
        mvc.perform(post("/volunteer/posts/new").param("name", "重叠岗").param("hostOrgId", Long.toString(branch.id()))
                        .param("teamGroupId", Long.toString(team)).param("peoplePerShift", "1").param("slots", "08:00-12:00, 11:00-15:00")
                        .param("status", "ACTIVE").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("postForm", "slots"));
        mvc.perform(post("/volunteer/posts/new").param("name", "错时岗").param("hostOrgId", Long.toString(branch.id()))
                        .param("teamGroupId", Long.toString(team)).param("peoplePerShift", "1").param("slots", "25:00-26:00")
                        .param("status", "ACTIVE").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("postForm", "slots"));
        assertThat(jdbc.sql("select count(*) from volunteer_post where name in ('重叠岗', '错时岗')").query(Long.class).single()).isZero();
    }

    private long shiftsOn(long person, LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from volunteer_shift where post_id = ? and person_id = ? and day between ? and ?")
                .params(post, person, from, to).query(Long.class).single();
    }

    private List<String> shifts(String condition, LocalDate day) {
        return jdbc.sql("select id || '/' || day || '/' || slot_no || '/' || person_id || '/' || status from volunteer_shift where post_id = ? and "
                + condition + " order by id").params(post, day).query(String.class).list();
    }

    private long firstShiftOf(long person) {
        return jdbc.sql("select id from volunteer_shift where post_id = ? and person_id = ? order by day, slot_no limit 1")
                .params(post, person).query(Long.class).single();
    }

    private long personOf(long shift) {
        return jdbc.sql("select person_id from volunteer_shift where id = ?").param(shift).query(Long.class).single();
    }
}
