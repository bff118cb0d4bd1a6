package com.countyleague.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.countyleague.account.AuditTrail;
import com.countyleague.account.Actors;
import com.countyleague.group.Groups;
import com.countyleague.member.People;
import com.countyleague.web.Formats;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 打卡: members check in and sign out by scanning the organiser's rotating QR code or typing its
 * 6-digit code, secretaries record attendance by hand with a reason, organisers approve online
 * proofs. A presence is one row per person and activity, inserted with {@code on conflict do
 * nothing}: however often and however concurrently someone checks in, it is recorded once, and
 * {@link MemberCheckedIn} is published once.
 */
@Service
public class CheckIns {

    /** Which act a proof on the organiser's screen is for. */
    public enum Purpose { IN, OUT }

    /** What a member's check-in did; a repeated one is answered, not recorded. */
    public enum Act { CHECKED_IN, ALREADY_IN, CHECKED_OUT, ALREADY_OUT }

    public record Outcome(Activity activity, Act act, Instant at, int serviceMinutes) {
    }

    /** The organiser's screen: this moment's QR token and code, and how many have checked in. */
    public record Screen(Activity activity, Purpose purpose, String token, String code, int secondsLeft, long checkedIn,
                         boolean open) {
    }

    private static final int MAX_REASON = 200;

    private final CheckInWatch watch;
    private final ActivityRepository activities;
    private final AttendanceRepository attendances;
    private final SignUpRepository signUps;
    private final TaskSubmissionRepository submissions;
    private final Activities activityRules;
    private final Organisers organisers;
    private final CodeAttempts codeAttempts;
    private final Photos photos;
    private final Groups groups;
    private final People people;
    private final AuditTrail audit;
    private final Actors actors;
    private final Formats formats;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CheckIns(ActivityRepository activities, AttendanceRepository attendances, SignUpRepository signUps,
             TaskSubmissionRepository submissions, Activities activityRules, Organisers organisers, CodeAttempts codeAttempts,
             Photos photos, Groups groups,
             People people, AuditTrail audit, Actors actors, Formats formats, JdbcClient jdbc, ApplicationEventPublisher events,
             Clock clock, CheckInWatch watch) {
        this.watch = watch;
        this.activities = activities;
        this.attendances = attendances;
        this.signUps = signUps;
        this.submissions = submissions;
        this.activityRules = activityRules;
        this.organisers = organisers;
        this.codeAttempts = codeAttempts;
        this.photos = photos;
        this.groups = groups;
        this.people = people;
        this.audit = audit;
        this.actors = actors;
        this.formats = formats;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    // --- the organiser's screen ---

    @Transactional(readOnly = true)
    public Screen screen(long activityId, Purpose purpose) {
        Activity activity = find(activityId);
        organisers.requireManager(activity);
        Instant now = clock.instant();
        long window = CheckInCodes.windowAt(now);
        byte[] secret = activity.checkInSecret();
        return new Screen(activity, purpose, CheckInCodes.token(activity.getId(), secret, purpose, window),
                CheckInCodes.code(secret, purpose, window), CheckInCodes.secondsLeft(now), attendances.countByActivityId(activityId),
                purpose == Purpose.IN ? activity.checkInOpenAt(now) : activity.checkOutOpenAt(now));
    }

    // --- members ---

    /** The member scanned the screen's QR code (the token is in the URL it opened). */
    @Transactional
    public Outcome scan(String token) {
        long personId = actors.current().requirePerson();
        Instant now = clock.instant();
        CheckInCodes.Token parsed = CheckInCodes.parse(token).orElseThrow(() -> RuleViolationException.of("checkin.token.invalid"));
        Activity activity = activities.findById(parsed.activityId())
                .filter(a -> CheckInCodes.verify(parsed, a.checkInSecret()))
                .orElseThrow(() -> RuleViolationException.of("checkin.token.invalid"));
        if (!CheckInCodes.fresh(parsed.window(), now)) {
            throw RuleViolationException.of("checkin.token.expired");
        }
        return act(activity, personId, parsed.purpose(), Attendance.Method.QR, now);
    }

    /**
     * The member typed the screen's 6 digits: on an activity's page ({@code activityId} given), or on
     * the general check-in page, where the code itself finds the activity among those open now.
     */
    @Transactional
    public Outcome enterCode(Long activityId, String code) {
        long personId = actors.current().requirePerson();
        Activity addressed = activityId == null ? null : activityRules.participable(find(activityId), personId);
        String digits = code == null ? "" : code.replaceAll("\\s", "");
        if (!digits.matches("\\d{6}")) {
            throw new RuleViolationException("code", "checkin.code.format");
        }
        codeAttempts.requireNotPaused(personId);
        Instant now = clock.instant();
        List<Activity> candidates = addressed != null ? List.of(addressed)
                : activities.withOpenWindows(now.plus(Activity.CHECK_IN_EARLY), now.minus(Activity.CHECK_OUT_LATE));
        long window = CheckInCodes.windowAt(now);
        List<Match> matches = new ArrayList<>();
        for (Activity activity : candidates) {
            byte[] secret = activity.checkInSecret();
            for (long w = window - 1; w <= window; w++) {
                CheckInCodes.purposeOf(secret, digits, w).ifPresent(purpose -> matches.add(new Match(activity, purpose)));
            }
        }
        // six digits can coincide between two activities open at once: prefer the one the member may attend
        Match match = matches.stream().max(Comparator.comparing(m -> activityRules.mayTakePart(m.activity(), personId)))
                .orElse(null);
        if (match == null) {
            codeAttempts.recordWrongCode(personId);
            throw new RuleViolationException("code", "checkin.code.unknown");
        }
        return act(match.activity(), personId, match.purpose(), Attendance.Method.CODE, now);
    }

    private record Match(Activity activity, Purpose purpose) {
    }

    /** Checks in or out at {@code now}, the moment the proof signs (the present one, or an offline proof's). */
    Outcome act(Activity activity, long personId, Purpose purpose, Attendance.Method method, Instant now) {
        if (activity.isOnline()) {
            throw RuleViolationException.of("checkin.online");
        }
        watch.noteScan(activity.getId(), personId, now);
        if (purpose == Purpose.IN) {
            Optional<Attendance> earlier = attendances.findByActivityIdAndPersonId(activity.getId(), personId);
            if (earlier.isPresent()) {
                return new Outcome(activity, Act.ALREADY_IN, earlier.get().getCheckedInAt(), 0);
            }
            if (!activity.checkInOpenAt(now)) {
                throw RuleViolationException.of("checkin.window.in", formats.shortDateTime(activity.getStartsAt().minus(Activity.CHECK_IN_EARLY)),
                        formats.shortDateTime(activity.getEndsAt()));
            }
            requireEligible(activity, personId);
            if (!record(activity, personId, now, method)) {
                // a concurrent check-in of the same person won the race: it is theirs, answered the same way
                return new Outcome(activity, Act.ALREADY_IN, attendances.findByActivityIdAndPersonId(activity.getId(), personId)
                        .orElseThrow().getCheckedInAt(), 0);
            }
            return new Outcome(activity, Act.CHECKED_IN, now, 0);
        }
        Attendance attendance = attendances.lock(activity.getId(), personId)
                .orElseThrow(() -> RuleViolationException.of("checkin.out.not-in"));
        if (attendance.isCheckedOut()) {
            return new Outcome(activity, Act.ALREADY_OUT, attendance.getCheckedOutAt(), attendance.getServiceMinutes());
        }
        if (!activity.checkOutOpenAt(now)) {
            throw RuleViolationException.of("checkin.window.out", formats.shortDateTime(activity.getStartsAt()),
                    formats.shortDateTime(activity.getEndsAt().plus(Activity.CHECK_OUT_LATE)));
        }
        settle(activity, attendance, now, method, now);
        return new Outcome(activity, Act.CHECKED_OUT, now, attendance.getServiceMinutes());
    }

    private void requireEligible(Activity activity, long personId) {
        if (!activityRules.mayTakePart(activity, personId)) {
            throw RuleViolationException.of("activity.group-only");
        }
        if (activity.getCapacity() != null
                && !signUps.findCurrent(activity.getId(), personId).map(SignUp::isConfirmed).orElse(false)) {
            throw RuleViolationException.of("checkin.signup-required");
        }
    }

    // --- secretaries, by hand ---

    /**
     * Checks a member in by hand (forgotten phone, no signal), or corrects their check-in time; the
     * person is chosen from the activity's list or named by identity number. Audited.
     */
    @Transactional
    public void checkInByHand(long activityId, Long personId, String idNumber, Instant at, String reason) {
        Activity activity = find(activityId);
        organisers.requireStaffOf(activity);
        String why = requireReason(reason);
        requireOpenForRecording(activity);
        requireRecordedTime(activity, at);
        // an identity number finds only people within the caller's reach; a picked id is checked the same way
        long person = personId != null ? personId : people.findByIdNumber(idNumber)
                .orElseThrow(() -> new RuleViolationException("idNumber", "checkin.manual.person-unknown"));
        organisers.requirePersonInReach(person);
        if (!record(activity, person, at, Attendance.Method.MANUAL)) {
            attendances.lock(activityId, person).orElseThrow().correctCheckIn(at);
        }
        audit.record("CHECK_IN_BY_HAND", "activity:" + activityId, "person:" + person + " in " + formats.dateTime(at) + "; " + why);
        watch.noteByHand(attendances.findByActivityIdAndPersonId(activityId, person).orElseThrow().getId());
    }

    /** Signs a checked-in member out by hand; their service time is settled from the times given. Audited. */
    @Transactional
    public void checkOutByHand(long activityId, long personId, Instant at, String reason) {
        Activity activity = find(activityId);
        organisers.requireStaffOf(activity);
        organisers.requirePersonInReach(personId);
        String why = requireReason(reason);
        requireOpenForRecording(activity);
        requireRecordedTime(activity, at);
        Attendance attendance = attendances.lock(activityId, personId).orElseThrow(() -> RuleViolationException.of("checkin.out.not-in"));
        settle(activity, attendance, at, Attendance.Method.MANUAL, clock.instant());
        audit.record("CHECK_OUT_BY_HAND", "activity:" + activityId, "person:" + personId + " out " + formats.dateTime(at) + "; " + why);
    }

    /** After the end: signs out at the end time everyone who forgot to; audited once with the count. */
    @Transactional
    public int signOutRemaining(long activityId, String reason) {
        Activity activity = find(activityId);
        organisers.requireStaffOf(activity);
        String why = requireReason(reason);
        Instant now = clock.instant();
        if (now.isBefore(activity.getEndsAt())) {
            throw RuleViolationException.of("checkin.not-ended");
        }
        List<Attendance> open = attendances.notCheckedOut(activityId);
        for (Attendance attendance : open) {
            settle(activity, attendance, activity.getEndsAt(), Attendance.Method.MANUAL, now);
        }
        audit.record("CHECK_OUT_BY_HAND", "activity:" + activityId, "all " + open.size() + " at the end; " + why);
        return open.size();
    }

    // --- online check-in tasks ---

    /** 线上打卡: a member sends a short text and/or a photo as proof, while the task runs. */
    @Transactional
    public long submitProof(long activityId, String text, byte[] photo) {
        long personId = actors.current().requirePerson();
        Activity activity = activityRules.participable(activities.lock(activityId)
                .orElseThrow(() -> new NotFoundException("activity", activityId)), personId);
        Instant now = clock.instant();
        if (!activity.isOnline() || !activity.isLive() || now.isBefore(activity.getStartsAt()) || now.isAfter(activity.getEndsAt())) {
            throw RuleViolationException.of("task.closed");
        }
        if (submissions.findCurrent(activityId, personId).isPresent()) {
            throw RuleViolationException.of("task.exists");
        }
        String words = text == null || text.isBlank() ? null : text.trim();
        boolean hasPhoto = photo != null && photo.length > 0;
        if (words == null && !hasPhoto) {
            throw new RuleViolationException("text", "task.empty");
        }
        if (words != null && words.length() > TaskSubmission.MAX_TEXT) {
            throw new RuleViolationException("text", "task.text.too-long", TaskSubmission.MAX_TEXT);
        }
        Long photoId = hasPhoto ? photos.store(activityId, Photo.Purpose.PROOF, photo, actors.current().username(), now).getId() : null;
        return submissions.save(new TaskSubmission(activityId, personId, words, photoId, now)).getId();
    }

    /** The organiser approves (it counts as attendance) or rejects (the member may send another) a proof. */
    @Transactional
    public void reviewProof(long submissionId, boolean approve, String note) {
        TaskSubmission submission = submissions.findById(submissionId).orElseThrow(() -> new NotFoundException("submission", submissionId));
        Activity activity = find(submission.getActivityId());
        organisers.requireManager(activity);
        if (note != null && note.length() > MAX_REASON) {
            throw new RuleViolationException("note", "task.note.too-long", MAX_REASON);
        }
        Instant now = clock.instant();
        submission.review(approve, note, actors.current().username(), now);
        if (approve && record(activity, submission.getPersonId(), submission.getSubmittedAt(), Attendance.Method.TASK)) {
            Attendance attendance = attendances.lock(activity.getId(), submission.getPersonId()).orElseThrow();
            attendance.confirmTask(now);
            events.publishEvent(new AttendanceConfirmed(attendance.getId(), activity.getId(), activity.getTitle(), submission.getPersonId(),
                    activity.getType(), 0, now));
        }
    }

    // --- rules ---

    /**
     * Records a presence unless there is one: the unique (activity, person) row decides, so concurrent
     * attempts record one. Returns whether this call recorded it.
     */
    boolean record(Activity activity, long personId, Instant at, Attendance.Method method) {
        Optional<Long> id = jdbc.sql("""
                        insert into attendance (activity_id, person_id, checked_in_at, check_in_method, service_minutes, version)
                        values (?, ?, ?, ?, 0, 0)
                        on conflict (activity_id, person_id) do nothing
                        returning id
                        """)
                .params(activity.getId(), personId, Timestamp.from(at), method.name()).query(Long.class).optional();
        id.ifPresent(attendanceId -> {
            if (activity.getGroupId() != null) {
                groups.noteAttendance(activity.getGroupId(), personId, at);
            }
            events.publishEvent(new MemberCheckedIn(attendanceId, activity.getId(), activity.getTitle(), personId, activity.getGroupId(),
                    activity.getHostOrgId(), activity.getType(), method, at));
        });
        return id.isPresent();
    }

    void settle(Activity activity, Attendance attendance, Instant out, Attendance.Method method, Instant now) {
        attendance.checkOut(activity, out, method, now);
        events.publishEvent(new AttendanceConfirmed(attendance.getId(), activity.getId(), activity.getTitle(), attendance.getPersonId(),
                activity.getType(), attendance.getServiceMinutes(), now));
    }

    /** After the fact, attendance is a back-fill with evidence for staff one level up to approve ({@link Backfills}). */
    private void requireOpenForRecording(Activity activity) {
        if (activity.isRecordingClosedAt(clock.instant())) {
            throw RuleViolationException.of("checkin.manual.backfill-required");
        }
    }

    void requireRecordedTime(Activity activity, Instant at) {
        if (at == null || !activity.admitsRecordedTime(at) || at.isAfter(clock.instant())) {
            throw new RuleViolationException("at", "checkin.manual.time",
                    formats.shortDateTime(activity.getStartsAt().minus(Activity.CHECK_IN_EARLY)),
                    formats.shortDateTime(activity.getEndsAt().plus(Activity.CHECK_OUT_LATE)));
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.trim().length() > MAX_REASON) {
            throw new RuleViolationException("reason", "checkin.manual.reason-required", MAX_REASON);
        }
        return reason.trim();
    }


    private Activity find(long id) {
        return activities.findById(id).orElseThrow(() -> new NotFoundException("activity", id));
    }
}
