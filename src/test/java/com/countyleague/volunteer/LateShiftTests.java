package com.countyleague.volunteer;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.TwoBranches;
import com.countyleague.account.Role;
import com.countyleague.group.GroupKind;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class LateShiftTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Rosters rosters;

    @Autowired
    LateShifts lateShifts;

    @Autowired
    ServiceRecords records;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aShiftConfirmedAWeekLateNeedsEvidenceAndCountsOnlyOnceTheUnitAboveApprovesIt() {
        Branch branch = fixtures.branch("值守补确认支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String committee = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        long person = fixtures.youth(branch.id(), "值守人");
        long team = fixtures.group(GroupKind.VOLUNTEER_TEAM, branch.id(), null);
        fixtures.enrol(team, person);
        long post = fixtures.as(secretary, () -> rosters.create(new VolunteerPost.Details("补确认岗", branch.id(), null, "北门", team, 1,
                List.of(new VolunteerPost.Slot(0, LocalTime.of(8, 0), LocalTime.of(12, 0))), VolunteerPost.Status.ACTIVE)));
        LocalDate day = LocalDate.now(clock);
        fixtures.as(secretary, () -> rosters.generate(post, day, 2));
        List<Long> shifts = jdbc.sql("select id from volunteer_shift where post_id = ? order by day").param(post).query(Long.class).list();
        // a week after the second day: the first is late by eight days, the second by seven (not yet late)
        clock.advance(Duration.ofDays(8));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> rosters.confirm(post, List.of(shifts.get(0)), true)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("shift.confirm.late"));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> lateShifts.request(post, shifts.get(1), "忘了确认", TwoBranches.png())))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("shift.confirm.not-late"));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> lateShifts.request(post, shifts.get(0), "忘了确认", null)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("evidence.required"));
        long late = fixtures.as(secretary, () -> lateShifts.request(post, shifts.get(0), "值守表照片为证", TwoBranches.png()));
        // pending: the shift counts nothing
        assertThat(fixtures.as(secretary, () -> records.of(person, day.getYear())).minutes()).isZero();
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            lateShifts.approve(late, null);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("值守他支部").id());
        assertThatThrownBy(() -> fixtures.as(stranger, () -> lateShifts.request(post, shifts.get(0), "越界", TwoBranches.png())))
                .isInstanceOf(AccessDeniedException.class);
        long otherPost = fixtures.as(secretary, () -> rosters.create(new VolunteerPost.Details("别的岗", branch.id(), null, "南门", team, 1,
                List.of(new VolunteerPost.Slot(0, LocalTime.of(8, 0), LocalTime.of(12, 0))), VolunteerPost.Status.ACTIVE)));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> lateShifts.request(otherPost, shifts.get(0), "错岗", TwoBranches.png())))
                .isInstanceOf(NotFoundException.class);

        assertThat(fixtures.as(committee, () -> lateShifts.waiting())).extracting(LateShifts.Waiting::id).containsExactly(late);
        fixtures.as(committee, () -> {
            lateShifts.approve(late, null);
            return null;
        });
        assertThat(fixtures.as(secretary, () -> records.of(person, day.getYear())).minutes()).isEqualTo(240);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from points_entry where person_id = ? and ref_type = 'SHIFT'")
                .param(person).query(Long.class).single() == 1);
        assertThatThrownBy(() -> fixtures.as(committee, () -> {
            lateShifts.reject(late, "晚了");
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("backfill.decided"));
    }
}
