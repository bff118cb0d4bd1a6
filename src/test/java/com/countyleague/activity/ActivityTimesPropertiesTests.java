package com.countyleague.activity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.countyleague.web.RuleViolationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/** An activity's times: accepted exactly when they make a range an organiser could mean. */
class ActivityTimesPropertiesTests {

    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");
    private static final long MAX_MINUTES = Duration.ofDays(62).toMinutes();

    @Property
    void aRangeIsAcceptedWhenItEndsAfterItStartsAndLastsAtMost62Days(
            @ForAll @LongRange(min = 0, max = 600_000) long startMinute,
            @ForAll @LongRange(min = -200_000, max = 200_000) long lengthMinutes) {
        Instant starts = BASE.plus(Duration.ofMinutes(startMinute));
        Instant ends = starts.plus(Duration.ofMinutes(lengthMinutes));
        String refusal = refusal(starts, ends, null, null, null);
        if (lengthMinutes <= 0) {
            assertThat(refusal).isEqualTo("activity.ends.after-start");
        } else if (lengthMinutes > MAX_MINUTES) {
            assertThat(refusal).isEqualTo("activity.ends.too-long");
        } else {
            assertThat(refusal).isNull();
        }
    }

    @Property
    void serviceHoursNeverExceedTheActivity(@ForAll @IntRange(min = 1, max = 24 * 60) int lengthMinutes,
                                            @ForAll @IntRange(min = 0, max = 48 * 4) int quarterHours) {
        BigDecimal hours = BigDecimal.valueOf(quarterHours).divide(BigDecimal.valueOf(4));
        String refusal = refusal(BASE, BASE.plus(Duration.ofMinutes(lengthMinutes)), null, null, hours);
        assertThat(refusal).isEqualTo(quarterHours * 15 > lengthMinutes ? "activity.service-hours.longer-than-activity" : null);
    }

    @Property
    void signUpClosesAfterItOpensAndNoLaterThanTheEnd(@ForAll @IntRange(min = -5000, max = 5000) int opensMinute,
                                                      @ForAll @IntRange(min = -5000, max = 5000) int closesMinute) {
        Instant ends = BASE.plus(Duration.ofMinutes(3000));
        Instant opens = BASE.plus(Duration.ofMinutes(opensMinute));
        Instant closes = BASE.plus(Duration.ofMinutes(closesMinute));
        String refusal = refusal(BASE, ends, opens, closes, null);
        if (closesMinute <= opensMinute) {
            assertThat(refusal).isEqualTo("activity.signup.closes-after-opens");
        } else if (closesMinute > 3000) {
            assertThat(refusal).isEqualTo("activity.signup.closes-before-end");
        } else {
            assertThat(refusal).isNull();
        }
    }

    private static String refusal(Instant starts, Instant ends, Instant opens, Instant closes, BigDecimal hours) {
        try {
            new Activity(new Activity.Details(1L, null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE, "服务",
                    null, null, starts, ends, opens, closes, null, hours), new byte[32], "tester", BASE);
            return null;
        } catch (RuleViolationException refused) {
            return refused.messageKey();
        }
    }
}
