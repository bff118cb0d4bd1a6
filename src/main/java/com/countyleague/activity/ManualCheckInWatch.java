package com.countyleague.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.countyleague.account.Actors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Watches attendance recorded by hand: one account checking in more than {@value #LIMIT} people by hand
 * within {@link #WINDOW} flags every check-in beyond that (a desk that registers a crowd from a paper
 * list is possible, a made-up list too: staff decide).
 */
@Component
class ManualCheckInWatch {

    static final int LIMIT = 20;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final AttendanceFlagRepository flags;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    ManualCheckInWatch(AttendanceFlagRepository flags, Actors actors, JdbcClient jdbc, Clock clock) {
        this.flags = flags;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Called with the check-in just recorded and audited, in the same transaction. */
    void noteByHand(long attendanceId) {
        String account = actors.current().username();
        Instant now = clock.instant();
        long recent = jdbc.sql("select count(*) from audit_log where action = 'CHECK_IN_BY_HAND' and operator = ? and at > ?")
                .params(account, Timestamp.from(now.minus(WINDOW))).query(Long.class).single();
        if (recent > LIMIT && !flags.existsByAttendanceIdAndRule(attendanceId, AttendanceFlag.Rule.MANY_BY_HAND)) {
            flags.save(new AttendanceFlag(attendanceId, AttendanceFlag.Rule.MANY_BY_HAND, account + ": " + recent + " / "
                    + WINDOW.toMinutes() + " min", now));
        }
    }
}
