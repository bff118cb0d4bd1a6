package com.countyleague.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.Reach;
import com.countyleague.member.Notifications;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;
import com.countyleague.web.UploadedEvidence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 补录: attendance added after an activity's recording has closed — by its host's staff for a person of
 * their reach, or by a member for themself — always with evidence (photos or a PDF), and pending until
 * staff who reach the unit above the host approve it. Only then is the attendance written, so that no
 * hours count and no points are paid before; a rejection keeps the request as it was.
 */
@Service
public class Backfills {

    static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

    /** What a back-fill states: the person, when they came and left, why it is added late, and the evidence. */
    public record Request(Long personId, Instant in, Instant out, String reason, byte[] evidence) {
    }

    public record Row(Backfill backfill, Activity activity, PersonCard person, List<Long> evidenceIds) {
    }

    public record Evidence(String contentType, byte[] bytes) {
    }

    private final BackfillRepository backfills;
    private final ActivityRepository activities;
    private final AttendanceRepository attendances;
    private final CheckIns checkIns;
    private final Activities activityRules;
    private final Organisers organisers;
    private final People people;
    private final Notifications notifications;
    private final UnitLookup units;
    private final Actors actors;
    private final Reach reach;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Backfills(BackfillRepository backfills, ActivityRepository activities, AttendanceRepository attendances, CheckIns checkIns,
              Activities activityRules, Organisers organisers, People people, Notifications notifications, UnitLookup units, Actors actors,
              Reach reach, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.backfills = backfills;
        this.activities = activities;
        this.attendances = attendances;
        this.checkIns = checkIns;
        this.activityRules = activityRules;
        this.organisers = organisers;
        this.people = people;
        this.notifications = notifications;
        this.units = units;
        this.actors = actors;
        this.reach = reach;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Staff of the host add a person of their reach after the fact. */
    @Transactional
    public long request(long activityId, Request request) {
        Activity activity = find(activityId);
        organisers.requireStaffOf(activity);
        if (request.personId() == null) {
            throw new RuleViolationException("personId", "validation.required");
        }
        organisers.requirePersonInReach(request.personId());
        return save(activity, request.personId(), request, false);
    }

    /** A member asks for their own presence to be added, with evidence. */
    @Transactional
    public long requestOwn(long activityId, Request request) {
        long personId = actors.current().requirePerson();
        Activity activity = activityRules.participable(find(activityId), personId);
        if (!activityRules.mayTakePart(activity, personId)) {
            throw new NotFoundException("activity", activityId);
        }
        return save(activity, personId, request, true);
    }

    /** The back-fills waiting for the caller: of activities hosted one level below the units they reach. */
    @Transactional(readOnly = true)
    public List<Row> waiting() {
        Actor actor = actors.current();
        actor.requireStaff();
        List<Long> hosts = units.subtree(actor.scopePrefix()).stream().filter(o -> reach.coversUnitAbove(o.getPath()))
                .map(Organization::getId).toList();
        List<Backfill> found = hosts.isEmpty() ? List.of() : backfills.pendingFor(hosts);
        return rows(found);
    }

    /** Approves: the attendance is written as requested, and counts from now on (its points are paid). */
    @Transactional
    public void approve(long id, String note) {
        Backfill backfill = decidable(id);
        Activity activity = find(backfill.getActivityId());
        // a forgotten check-out settles the presence on record; otherwise the presence is written now
        Attendance attendance = attendances.lock(activity.getId(), backfill.getPersonId()).orElse(null);
        if (attendance != null && attendance.isCheckedOut()) {
            throw RuleViolationException.of("backfill.attended");
        }
        if (attendance == null) {
            checkIns.record(activity, backfill.getPersonId(), backfill.getCheckedInAt(), Attendance.Method.MANUAL);
            attendance = attendances.lock(activity.getId(), backfill.getPersonId()).orElseThrow();
        }
        checkIns.settle(activity, attendance, backfill.getCheckedOutAt(), Attendance.Method.MANUAL, clock.instant());
        backfill.approved(attendance.getId(), actors.current().username(), clean(note), clock.instant());
        audit.record("APPROVE_BACKFILL", "activity:" + activity.getId(), "person:" + backfill.getPersonId());
        tell(backfill, activity, "backfill.notice.approved");
    }

    /** Rejects: nothing is written but the decision, which the request keeps. */
    @Transactional
    public void reject(long id, String note) {
        Backfill backfill = decidable(id);
        String why = clean(note);
        if (why == null) {
            throw new RuleViolationException("note", "backfill.reject.reason");
        }
        backfill.rejected(actors.current().username(), why, clock.instant());
        audit.record("REJECT_BACKFILL", "activity:" + backfill.getActivityId(), "person:" + backfill.getPersonId() + "; " + why);
        tell(backfill, find(backfill.getActivityId()), "backfill.notice.rejected");
    }

    /** Evidence, for its approvers, the host's staff and the member who sent it. */
    @Transactional(readOnly = true)
    public Evidence evidence(long backfillId, long evidenceId) {
        Backfill backfill = backfills.findById(backfillId).orElseThrow(() -> new NotFoundException("backfill", backfillId));
        Actor actor = actors.current();
        Activity activity = find(backfill.getActivityId());
        boolean own = backfill.getPersonId().equals(actor.personId());
        if (!own && !reach.organization(activity.getHostOrgId()) && !reach.coversUnitAbove(activity.getHostOrgId())) {
            throw new AccessDeniedException("Back-fill " + backfillId + " is not for " + actor.username());
        }
        return jdbc.sql("select content_type, bytes from backfill_evidence where id = ? and backfill_id = ?").params(evidenceId, backfillId)
                .query((rs, n) -> new Evidence(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new NotFoundException("evidence", evidenceId));
    }

    /** The member's own back-fills, newest first. */
    @Transactional(readOnly = true)
    public List<Backfill> mine() {
        return backfills.findByPersonIdOrderByCreatedAtDesc(actors.current().requirePerson());
    }

    /** How many back-fills of a person's hours in a period wait for approval: a certificate waits for them. */
    @Transactional(readOnly = true)
    public long pendingOf(long personId, LocalDate from, LocalDate to) {
        return backfills.pendingOf(personId, from.atStartOfDay(clock.getZone()).toInstant(),
                to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    // --- rules ---

    private long save(Activity activity, long personId, Request request, boolean byMember) {
        Instant now = clock.instant();
        if (!activity.isRecordingClosedAt(now)) {
            throw RuleViolationException.of("backfill.not-yet");
        }
        // a forgotten check-out: the check-in on record stands, only the time of leaving is asked for
        Attendance present = attendances.findByActivityIdAndPersonId(activity.getId(), personId).orElse(null);
        if ((request.in() == null && present == null) || request.out() == null) {
            throw new RuleViolationException(request.out() == null ? "out" : "in", "validation.required");
        }
        if (request.in() != null) {
            checkIns.requireRecordedTime(activity, request.in());
        }
        checkIns.requireRecordedTime(activity, request.out());
        String reason = clean(request.reason());
        if (reason == null) {
            throw new RuleViolationException("reason", "backfill.reason.required");
        }
        byte[] evidence = request.evidence();
        String type = UploadedEvidence.check(evidence, MAX_EVIDENCE_BYTES, "evidence");
        if (present != null && present.isCheckedOut()) {
            throw RuleViolationException.of("backfill.attended");
        }
        Instant in = present == null ? request.in() : present.getCheckedInAt();
        if (backfills.existsByActivityIdAndPersonIdAndStatus(activity.getId(), personId, Backfill.Status.PENDING)) {
            throw RuleViolationException.of("backfill.waiting");
        }
        Backfill backfill = backfills.save(new Backfill(activity.getId(), personId, in, request.out(), reason,
                actors.current().username(), byMember, now));
        jdbc.sql("insert into backfill_evidence (backfill_id, content_type, bytes, created_at) values (?, ?, ?, ?)")
                .params(backfill.getId(), type, evidence, Timestamp.from(now)).update();
        return backfill.getId();
    }

    /** A back-fill the caller may decide: staff reaching the unit above its activity's host (the county's own: the county admin). */
    private Backfill decidable(long id) {
        actors.current().requireStaff();
        Backfill backfill = backfills.lock(id).orElseThrow(() -> new NotFoundException("backfill", id));
        if (!reach.coversUnitAbove(find(backfill.getActivityId()).getHostOrgId())) {
            throw new AccessDeniedException("Back-fill " + id + " is decided one level above its host, not by " + actors.current().username());
        }
        return backfill;
    }

    private List<Row> rows(List<Backfill> found) {
        Map<Long, Activity> byId = activities.findByIdIn(found.isEmpty() ? List.of(-1L) : found.stream().map(Backfill::getActivityId).toList())
                .stream().collect(Collectors.toMap(Activity::getId, a -> a));
        Map<Long, PersonCard> cards = people.cards(found.stream().map(Backfill::getPersonId).collect(Collectors.toSet()));
        Map<Long, List<Long>> evidence = new HashMap<>();
        jdbc.sql("select backfill_id, id from backfill_evidence where backfill_id = any(?) order by id")
                .param(found.stream().map(Backfill::getId).toArray(Long[]::new))
                .query((rs, n) -> evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2))).list();
        return found.stream().map(b -> new Row(b, byId.get(b.getActivityId()), cards.get(b.getPersonId()),
                evidence.getOrDefault(b.getId(), List.of()))).toList();
    }

    private void tell(Backfill backfill, Activity activity, String key) {
        if (backfill.isByMember()) {
            notifications.tell(backfill.getPersonId(), key, "/me/activities/" + activity.getId(), activity.getTitle());
        }
    }

    private Activity find(long id) {
        return activities.findById(id).orElseThrow(() -> new NotFoundException("activity", id));
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.trim().length() > 500) {
            throw new RuleViolationException("reason", "backfill.reason.required");
        }
        return text.trim();
    }
}
