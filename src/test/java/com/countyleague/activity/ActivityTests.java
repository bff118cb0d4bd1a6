package com.countyleague.activity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The time rules of an activity, without a database. */
class ActivityTests {

    static final Instant TEN = Instant.parse("2026-06-01T02:00:00Z");
    static final Instant NOON = TEN.plus(Duration.ofHours(2));

    @Test
    void serviceTimeIsThePresenceInsideTheActivityFromSixtyPercentOn() {
        Activity twoHours = activity(TEN, NOON, new BigDecimal("2"));
        assertThat(twoHours.serviceMinutes(TEN.minus(Duration.ofMinutes(25)), TEN.plus(Duration.ofMinutes(71)))).isZero();
        assertThat(twoHours.serviceMinutes(TEN.minus(Duration.ofMinutes(25)), TEN.plus(Duration.ofMinutes(72)))).isEqualTo(72);
        assertThat(twoHours.serviceMinutes(TEN.plus(Duration.ofMinutes(48)), NOON.plus(Duration.ofHours(1)))).isEqualTo(72);
        assertThat(twoHours.serviceMinutes(TEN, NOON)).isEqualTo(120);
    }

    @Test
    void serviceTimeIsCappedAtTheHoursTheActivityConfersAndIsNoneWithoutThem() {
        assertThat(activity(TEN, NOON, new BigDecimal("1.5")).serviceMinutes(TEN, NOON)).isEqualTo(90);
        assertThat(activity(TEN, NOON, null).serviceMinutes(TEN, NOON)).isZero();
    }

    @Test
    void checkInOpensHalfAnHourEarlyAndSignOutStaysOpenTwoHoursLate() {
        Activity activity = activity(TEN, NOON, null);
        activity.publish();
        assertThat(activity.checkInOpenAt(TEN.minus(Duration.ofMinutes(31)))).isFalse();
        assertThat(activity.checkInOpenAt(TEN.minus(Duration.ofMinutes(30)))).isTrue();
        assertThat(activity.checkInOpenAt(NOON.plusSeconds(1))).isFalse();
        assertThat(activity.checkOutOpenAt(TEN.minusSeconds(1))).isFalse();
        assertThat(activity.checkOutOpenAt(NOON.plus(Duration.ofHours(2)))).isTrue();
        assertThat(activity.checkOutOpenAt(NOON.plus(Duration.ofHours(2)).plusSeconds(1))).isFalse();
    }

    @Test
    void aDraftHasNoWindows() {
        assertThat(activity(TEN, NOON, null).checkInOpenAt(TEN)).isFalse();
    }

    @Test
    void anEndBeforeTheStartOrMoreHoursThanTheActivityLastsIsRefused() {
        assertThatThrownBy(() -> activity(NOON, TEN, null))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("endsAt"));
        assertThatThrownBy(() -> activity(TEN, NOON, new BigDecimal("3")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("serviceHours"));
    }

    private static Activity activity(Instant start, Instant end, BigDecimal hours) {
        return new Activity(new Activity.Details(1L, null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE, "测试", null, null,
                start, end, null, null, null, hours), new byte[32], "test", start.minus(Duration.ofDays(1)));
    }
}
