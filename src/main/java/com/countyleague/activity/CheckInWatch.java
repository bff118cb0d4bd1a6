package com.countyleague.activity;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.countyleague.account.Actors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Watches check-ins as they are recorded: a person checking in or out of one activity more than
 * {@value #MAX_SCANS_A_DAY} times a day, and one account checking in more than {@value #LIMIT} people by
 * hand within {@link #WINDOW} (a desk that registers a crowd from a paper list is possible, a made-up
 * list too: staff decide), flag the presence for review.
 */
@Component
class CheckInWatch {

    static final int LIMIT = 20;
    static final int MAX_SCANS_A_DAY = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final AttendanceFlagRepository flags;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    CheckInWatch(AttendanceFlagRepository flags, Actors actors, JdbcClient jdbc, Clock clock) {
        this.flags = flags;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Counts a check-in or check-out by code or QR; from the fourth of a day for one activity, the
     * person's presence there is flagged (once).
     */
    void noteScan(long activityId, long personId, Instant at) {
        int scans = jdbc.sql("""
                        insert into check_in_count (activity_id, person_id, day, scans) values (?, ?, ?, 1)
                        on conflict (activity_id, person_id, day) do update set scans = check_in_count.scans + 1
                        returning scans""")
                .params(activityId, personId, Date.valueOf(at.atZone(clock.getZone()).toLocalDate())).query(Integer.class).single();
        if (scans > MAX_SCANS_A_DAY) {
            jdbc.sql("select id from attendance where activity_id = ? and person_id = ?").params(activityId, personId).query(Long.class)
                    .optional().filter(id -> !flags.existsByAttendanceIdAndRule(id, AttendanceFlag.Rule.MANY_SCANS))
                    .ifPresent(id -> flags.save(new AttendanceFlag(id, AttendanceFlag.Rule.MANY_SCANS, scans + " / day", at)));
        }
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
