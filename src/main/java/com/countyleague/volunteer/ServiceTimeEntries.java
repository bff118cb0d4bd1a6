package com.countyleague.volunteer;

import java.sql.Timestamp;
import java.time.Clock;

import com.countyleague.activity.AttendanceConfirmed;
import com.countyleague.activity.HoursRevoked;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the service-time book as service is confirmed or revoked, after the confirming transaction
 * commits. An event may come twice (the publication registry retries); the idempotency key writes it
 * once. One person's entries are written one at a time (the database chains each to the newest), each
 * dated when it is written: the book's order is the order of writing.
 */
@Component
class ServiceTimeEntries {

    private final JdbcClient jdbc;
    private final Clock clock;

    ServiceTimeEntries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AttendanceConfirmed event) {
        if (event.serviceMinutes() > 0) {
            write(event.personId(), "CREDIT", event.serviceMinutes(), "ACTIVITY", event.activityId(), event.title(),
                    "activity:" + event.activityId() + ":" + event.personId());
        }
    }

    @ApplicationModuleListener
    void on(HoursRevoked event) {
        lock(event.personId());
        int credited = jdbc.sql("select coalesce(sum(minutes), 0) from service_time_entry where person_id = ? and source = 'ACTIVITY' and ref_id = ?")
                .params(event.personId(), event.activityId()).query(Integer.class).single();
        if (credited > 0) {
            write(event.personId(), "REVOKE", -credited, "ACTIVITY", event.activityId(), event.title(),
                    "revoke:activity:" + event.activityId() + ":" + event.personId());
        }
    }

    @ApplicationModuleListener
    void on(ShiftConfirmed event) {
        if (event.serviceMinutes() > 0) {
            write(event.personId(), "CREDIT", event.serviceMinutes(), "SHIFT", event.shiftId(), event.postName(),
                    "shift:" + event.shiftId());
        }
    }

    private void write(long personId, String kind, int minutes, String source, long refId, String what, String key) {
        lock(personId);
        jdbc.sql("""
                        insert into service_time_entry (person_id, seq, kind, minutes, source, ref_id, what, idempotency_key, recorded_at,
                                                        prev_hash, hash)
                        values (?, 0, ?, ?, ?, ?, ?, ?, ?, '\\x'::bytea, '\\x'::bytea)
                        on conflict (idempotency_key) do nothing""")
                .params(personId, kind, minutes, source, refId, what.length() <= 200 ? what : what.substring(0, 199) + "…", key,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** Until this transaction ends, nobody else writes this person's service time. */
    private void lock(long personId) {
        jdbc.sql("select count(*) from pg_advisory_xact_lock(hashtext('service_time_entry'), ?)").param((int) personId).query(Long.class).single();
    }
}
