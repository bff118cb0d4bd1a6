package com.countyleague.activity;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AttendanceReviewTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    CheckIns checkIns;

    @Autowired
    AttendanceReview review;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPresenceStillOpenADayAfterTheEndIsSignedOutAtTheEndFlaggedAndCreditedOnlyTheActivitysLength() {
        Branch branch = fixtures.branch("未签退支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long person = fixtures.youth(branch.id(), "忘签退");
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "社区义诊", null, "广场", start, start.plus(Duration.ofHours(2)), null, null, null, new BigDecimal("2")));
            activities.publish(id);
            checkIns.checkInByHand(id, person, null, start, "现场登记");
            return id;
        });
        // a day after the end, less a minute: left alone
        clock.advance(Duration.ofMinutes(90).plus(Duration.ofHours(24)).minus(Duration.ofMinutes(1)));
        review.signOutTheForgotten();
        assertThat(checkedOut(activity, person)).isFalse();
        clock.advance(Duration.ofMinutes(2));
        review.signOutTheForgotten();
        assertThat(checkedOut(activity, person)).isTrue();
        var row = jdbc.sql("select checked_out_at, service_minutes from attendance where activity_id = ? and person_id = ?")
                .params(activity, person).query().singleRow();
        assertThat(((java.sql.Timestamp) row.get("checked_out_at")).toInstant()).isEqualTo(start.plus(Duration.ofHours(2)));
        assertThat(row.get("service_minutes")).isEqualTo(120);
        List<AttendanceReview.FlagRow> flags = fixtures.as(secretary, () -> review.open());
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.flag().getRule()).isEqualTo(AttendanceFlag.Rule.LEFT_CHECKED_IN);
            assertThat(f.person().name()).isEqualTo("忘签退");
        });
        // another branch's secretary neither sees nor decides it
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("未签退他支部").id());
        long flag = flags.get(0).flag().getId();
        assertThat(fixtures.as(stranger, () -> review.open())).extracting(f -> f.flag().getId()).doesNotContain(flag);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> {
            review.revoke(flag, "假的");
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        fixtures.as(secretary, () -> {
            review.clear(flag, "本人确认参加了全程");
            return null;
        });
        assertThat(fixtures.as(secretary, () -> review.open())).isEmpty();
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            review.revoke(flag, "晚了");
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("attendance.flag.decided"));
    }

    @Test
    void aPresenceRecordedAsBeginningAfterTheEndIsSignedOutAtItsBeginningWithoutStoppingTheOthers() {
        Branch branch = fixtures.branch("晚签到支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long late = fixtures.youth(branch.id(), "结束后签到");
        long forgot = fixtures.youth(branch.id(), "照常忘签退");
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "清理河道", null, "河边", start, start.plus(Duration.ofHours(1)), null, null, null, new BigDecimal("1")));
            activities.publish(id);
            checkIns.checkInByHand(id, forgot, null, start, "现场登记");
            return id;
        });
        // a presence whose recorded beginning lies after the activity's end (as an import or a correction may leave one)
        jdbc.sql("insert into attendance (activity_id, person_id, checked_in_at, check_in_method, service_minutes, version) values (?, ?, ?, 'MANUAL', 0, 0)")
                .params(activity, late, Timestamp.from(start.plus(Duration.ofHours(3)))).update();
        clock.advance(Duration.ofDays(2));
        review.signOutTheForgotten();
        assertThat(checkedOut(activity, forgot)).isTrue();
        var row = jdbc.sql("select checked_out_at, service_minutes from attendance where activity_id = ? and person_id = ?")
                .params(activity, late).query().singleRow();
        assertThat(((Timestamp) row.get("checked_out_at")).toInstant()).isEqualTo(start.plus(Duration.ofHours(3)));
        assertThat(row.get("service_minutes")).isEqualTo(0);
    }

    private boolean checkedOut(long activity, long person) {
        return jdbc.sql("select checked_out_at is not null from attendance where activity_id = ? and person_id = ?").params(activity, person)
                .query(Boolean.class).single();
    }

    @Test
    void oneAccountCheckingInMoreThanTwentyByHandInTenMinutesIsFlaggedFromTheTwentyFirst() {
        Branch branch = fixtures.branch("批量补签支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "大型活动", null, "体育馆", start, start.plus(Duration.ofHours(3)), null, null, null, null));
            activities.publish(id);
            return id;
        });
        for (int i = 0; i < CheckInWatch.LIMIT + 1; i++) {
            long person = fixtures.youth(branch.id(), "补签" + "甲乙丙丁戊己庚辛壬癸".charAt(i % 10) + "甲乙丙丁戊己庚辛壬癸".charAt(i / 10));
            fixtures.as(secretary, () -> {
                checkIns.checkInByHand(activity, person, null, start, "纸质签到表");
                return null;
            });
        }
        List<AttendanceReview.FlagRow> flags = fixtures.as(secretary, () -> review.open());
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.flag().getRule()).isEqualTo(AttendanceFlag.Rule.MANY_BY_HAND);
            assertThat(f.person().name()).isEqualTo("补签甲丙");
        });
    }

    @Test
    void aFourthCheckInOrOutOfTheSameActivityInADayIsFlagged() {
        Branch branch = fixtures.branch("反复签到支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long person = fixtures.youth(branch.id(), "反复扫码");
        String member = fixtures.accountFor(person, branch.id());
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "植树", null, "山坡", start, start.plus(Duration.ofHours(2)), null, null, null, null));
            activities.publish(id);
            return id;
        });
        for (int i = 0; i < CheckInWatch.MAX_SCANS_A_DAY; i++) {
            String code = fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).code());
            fixtures.as(member, () -> checkIns.enterCode(activity, code));
        }
        assertThat(fixtures.as(secretary, () -> review.open())).isEmpty();
        String code = fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).code());
        fixtures.as(member, () -> checkIns.enterCode(activity, code));
        assertThat(fixtures.as(secretary, () -> review.open())).singleElement()
                .satisfies(f -> assertThat(f.flag().getRule()).isEqualTo(AttendanceFlag.Rule.MANY_SCANS));
        // a fifth does not flag it again
        String fifth = fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).code());
        fixtures.as(member, () -> checkIns.enterCode(activity, fifth));
        assertThat(fixtures.as(secretary, () -> review.open())).hasSize(1);
    }

    @Test
    void serviceTimeLongerThanItsActivityIsFlaggedAndTheActivitysOwnLengthIsNot() {
        Branch branch = fixtures.branch("超时长支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long exact = fixtures.youth(branch.id(), "整两小时");
        long longer = fixtures.youth(branch.id(), "多一分钟");
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "义卖", null, "广场", start, start.plus(Duration.ofHours(2)), null, null, null, null));
            activities.publish(id);
            checkIns.checkInByHand(id, exact, null, start, "现场登记");
            checkIns.checkInByHand(id, longer, null, start, "现场登记");
            return id;
        });
        // as the times stood before the activity was shortened: one credited its length, one a minute more
        jdbc.sql("update attendance set checked_out_at = ?, check_out_method = 'MANUAL', service_minutes = ? where activity_id = ? and person_id = ?")
                .params(java.sql.Timestamp.from(start.plus(Duration.ofHours(2))), 120, activity, exact).update();
        jdbc.sql("update attendance set checked_out_at = ?, check_out_method = 'MANUAL', service_minutes = ? where activity_id = ? and person_id = ?")
                .params(java.sql.Timestamp.from(start.plus(Duration.ofHours(2))), 121, activity, longer).update();
        review.signOutTheForgotten();
        assertThat(fixtures.as(secretary, () -> review.open())).singleElement().satisfies(f -> {
            assertThat(f.flag().getRule()).isEqualTo(AttendanceFlag.Rule.BEYOND_LENGTH);
            assertThat(f.person().name()).isEqualTo("多一分钟");
        });
        review.signOutTheForgotten();
        assertThat(fixtures.as(secretary, () -> review.open())).hasSize(1);
    }
}
