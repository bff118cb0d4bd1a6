package com.countyleague.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.countyleague.account.AuditTrail;
import com.countyleague.account.Actors;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anomalies in recorded attendance and their review. A presence still open 24 hours after its
 * activity ended is signed out at the scheduled end (credited no more than the activity's length)
 * and flagged; check-ins by hand in bulk are flagged as they are recorded ({@link CheckInWatch}).
 * Staff reaching the host clear a flag, or revoke the hours: the presence stays on record, its
 * service time is taken away and {@link HoursRevoked} has the points bank take back what it paid.
 */
@Service
public class AttendanceReview {

    /** How long after an activity's end a presence may stay open before it is signed out and flagged. */
    public static final Duration LEFT_OPEN = Duration.ofHours(24);

    /** A flag as the review list shows it. */
    public record FlagRow(AttendanceFlag flag, Attendance attendance, Activity activity, PersonCard person) {
    }

    private final AttendanceFlagRepository flags;
    private final AttendanceRepository attendances;
    private final ActivityRepository activities;
    private final CheckIns checkIns;
    private final Organisers organisers;
    private final People people;
    private final Actors actors;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    AttendanceReview(AttendanceFlagRepository flags, AttendanceRepository attendances, ActivityRepository activities, CheckIns checkIns,
                     Organisers organisers, People people, Actors actors, AuditTrail audit, ApplicationEventPublisher events,
                     JdbcClient jdbc, Clock clock) {
        this.flags = flags;
        this.attendances = attendances;
        this.activities = activities;
        this.checkIns = checkIns;
        this.organisers = organisers;
        this.people = people;
        this.actors = actors;
        this.audit = audit;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Every hour: presences still open a day after their activity ended are signed out at its end (at their
     * check-in when that lies after it) and flagged; presences credited more time than their activity lasts are flagged.
     */
    @Scheduled(cron = "${league.attendance.review-cron:0 7 * * * *}", zone = "${league.zone}")
    @Transactional
    public int signOutTheForgotten() {
        Instant now = clock.instant();
        List<Long> open = jdbc.sql("""
                        select t.id from attendance t join activity a on a.id = t.activity_id
                        where t.checked_out_at is null and t.check_in_method <> 'TASK' and a.ends_at <= ?
                        order by t.id limit 5000 for update of t skip locked""")
                .param(Timestamp.from(now.minus(LEFT_OPEN))).query(Long.class).list();
        for (long id : open) {
            Attendance attendance = attendances.findById(id).orElseThrow();
            Activity activity = activities.findById(attendance.getActivityId()).orElseThrow();
            // at the end; or, for a presence recorded as beginning after the end, at its beginning (no time): one such
            // row must not stop every other sign-out of the night
            Instant out = attendance.getCheckedInAt().isAfter(activity.getEndsAt()) ? attendance.getCheckedInAt() : activity.getEndsAt();
            checkIns.settle(activity, attendance, out, Attendance.Method.MANUAL, now);
            flags.save(new AttendanceFlag(id, AttendanceFlag.Rule.LEFT_CHECKED_IN, null, now));
        }
        // service time longer than its activity (whose times were changed after people signed out)
        List<Long> beyond = jdbc.sql("""
                        select t.id from attendance t join activity a on a.id = t.activity_id
                        where t.service_minutes * 60 > extract(epoch from a.ends_at - a.starts_at)
                          and not exists (select 1 from attendance_flag f where f.attendance_id = t.id and f.rule = 'BEYOND_LENGTH')
                        order by t.id limit 5000""").query(Long.class).list();
        beyond.forEach(id -> flags.save(new AttendanceFlag(id, AttendanceFlag.Rule.BEYOND_LENGTH, null, now)));
        return open.size() + beyond.size();
    }

    /** The open flags of the activities the caller organises as staff, newest first. */
    @Transactional(readOnly = true)
    public List<FlagRow> open() {
        Organisers.Scope scope = organisers.scope();
        actors.current().requireStaff();
        List<AttendanceFlag> found = flags.openFor(scope.whole(), scope.hosts().isEmpty() ? List.of(-1L) : scope.hosts());
        Map<Long, Attendance> byId = attendances.findAllById(found.stream().map(AttendanceFlag::getAttendanceId).toList()).stream()
                .collect(Collectors.toMap(Attendance::getId, a -> a));
        Map<Long, Activity> activityById = activities.findByIdIn(byId.values().stream().map(Attendance::getActivityId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(Activity::getId, a -> a));
        Set<Long> personIds = byId.values().stream().map(Attendance::getPersonId).collect(Collectors.toSet());
        Map<Long, PersonCard> cards = people.cards(personIds);
        return found.stream().map(f -> {
            Attendance a = byId.get(f.getAttendanceId());
            return new FlagRow(f, a, activityById.get(a.getActivityId()), cards.get(a.getPersonId()));
        }).toList();
    }

    /** The hours stand: the flag is closed with a note. */
    @Transactional
    public void clear(long flagId, String note) {
        AttendanceFlag flag = reviewed(flagId);
        flag.decide(AttendanceFlag.Status.CLEARED, text(note, "note", false), actors.current().username(), clock.instant());
    }

    /**
     * The hours are false: the presence keeps its record, its service time goes, and the points it
     * earned are taken back once, whoever revokes it and however often.
     */
    @Transactional
    public void revoke(long flagId, String reason) {
        AttendanceFlag flag = reviewed(flagId);
        String why = text(reason, "reason", true);
        Attendance attendance = attendances.lockById(flag.getAttendanceId()).orElseThrow();
        Activity activity = activities.findById(attendance.getActivityId()).orElseThrow();
        Instant now = clock.instant();
        String by = actors.current().username();
        attendance.revoke(why, by, now);
        flags.findByAttendanceIdAndStatus(attendance.getId(), AttendanceFlag.Status.OPEN)
                .forEach(f -> f.decide(AttendanceFlag.Status.REVOKED, why, by, now));
        audit.record("REVOKE_HOURS", "activity:" + activity.getId(), "person:" + attendance.getPersonId() + "; " + why);
        events.publishEvent(new HoursRevoked(attendance.getId(), activity.getId(), activity.getTitle(), attendance.getPersonId(), why, now));
    }

    /** A flag of an activity the caller reaches as staff, locked; a decided one is refused. */
    private AttendanceFlag reviewed(long flagId) {
        AttendanceFlag flag = flags.lock(flagId).orElseThrow(() -> new NotFoundException("flag", flagId));
        // the attendance itself is read locked by whoever changes it: here only its activity's host
        long activityId = jdbc.sql("select activity_id from attendance where id = ?").param(flag.getAttendanceId()).query(Long.class).single();
        organisers.requireStaffOf(activities.findById(activityId).orElseThrow());
        if (!flag.isOpen()) {
            throw RuleViolationException.of("attendance.flag.decided");
        }
        return flag;
    }

    private static String text(String text, String field, boolean required) {
        String value = text == null || text.isBlank() ? null : text.trim();
        if ((required && value == null) || (value != null && value.length() > 500)) {
            throw new RuleViolationException(field, "attendance.review.text", 500);
        }
        return value;
    }
}
