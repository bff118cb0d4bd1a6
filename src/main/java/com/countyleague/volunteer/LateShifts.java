package com.countyleague.volunteer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.Reach;
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
 * A shift confirmed as kept more than a week after its day: asked for by whoever keeps the post, with
 * a reason and evidence, and pending until staff who reach the unit above the post's host approve it
 * (then it is confirmed and counts, and its points are paid) or reject it (kept with the reason; the
 * shift stays unconfirmed).
 */
@Service
public class LateShifts {

    static final int MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

    /** A late confirmation waiting for the caller. */
    public record Waiting(long id, long shiftId, String postName, String personName, LocalDate day, String reason, String requestedBy) {
    }

    public record Evidence(String contentType, byte[] bytes) {
    }

    private final Rosters rosters;
    private final ShiftRepository shifts;
    private final VolunteerPostRepository posts;
    private final UnitLookup units;
    private final Actors actors;
    private final Reach reach;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    LateShifts(Rosters rosters, ShiftRepository shifts, VolunteerPostRepository posts, UnitLookup units, Actors actors, Reach reach,
               AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.rosters = rosters;
        this.shifts = shifts;
        this.posts = posts;
        this.units = units;
        this.actors = actors;
        this.reach = reach;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public long request(long postId, long shiftId, String reason, byte[] evidence) {
        VolunteerPost post = rosters.managedPost(postId);
        Shift shift = shifts.findById(shiftId).filter(s -> s.getPostId().equals(post.getId()))
                .orElseThrow(() -> new NotFoundException("shift", shiftId));
        if (!shift.isScheduled() || !rosters.isOver(shift)) {
            throw RuleViolationException.of("shift.already-confirmed");
        }
        if (!rosters.isLate(shift)) {
            throw RuleViolationException.of("shift.confirm.not-late");
        }
        String why = reason == null || reason.isBlank() || reason.trim().length() > 500 ? null : reason.trim();
        if (why == null) {
            throw new RuleViolationException("reason", "backfill.reason.required");
        }
        String type = UploadedEvidence.check(evidence, MAX_EVIDENCE_BYTES, "evidence");
        if (jdbc.sql("select count(*) from shift_late_confirmation where shift_id = ? and status = 'PENDING'").param(shiftId)
                .query(Long.class).single() > 0) {
            throw RuleViolationException.of("backfill.waiting");
        }
        return jdbc.sql("""
                        insert into shift_late_confirmation (shift_id, reason, content_type, evidence, requested_by, requested_at, status, version)
                        values (?, ?, ?, ?, ?, ?, 'PENDING', 0) returning id""")
                .params(shiftId, why, type, evidence, actors.current().username(), Timestamp.from(clock.instant())).query(Long.class).single();
    }

    /** The late confirmations of posts hosted one level below the units the caller reaches. */
    @Transactional(readOnly = true)
    public List<Waiting> waiting() {
        Actor actor = actors.current();
        actor.requireStaff();
        List<Long> hosts = units.subtree(actor.scopePrefix()).stream().filter(o -> reach.coversUnitAbove(o.getPath()))
                .map(Organization::getId).toList();
        if (hosts.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id, s.id, p.name, pe.name, s.day, c.reason, c.requested_by
                        from shift_late_confirmation c join volunteer_shift s on s.id = c.shift_id join volunteer_post p on p.id = s.post_id
                        join person pe on pe.id = s.person_id
                        where c.status = 'PENDING' and p.host_org_id = any(?) order by c.requested_at""")
                .param(hosts.toArray(Long[]::new))
                .query((rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getString(6), rs.getString(7))).list();
    }

    @Transactional
    public void approve(long id, String note) {
        long shiftId = decidable(id);
        Shift shift = shifts.findById(shiftId).orElseThrow();
        rosters.confirmKept(shift, actors.current().username());
        decide(id, "APPROVED", note);
        audit.record("APPROVE_LATE_SHIFT", "shift:" + shiftId, null);
    }

    @Transactional
    public void reject(long id, String note) {
        long shiftId = decidable(id);
        if (note == null || note.isBlank()) {
            throw new RuleViolationException("note", "backfill.reject.reason");
        }
        decide(id, "REJECTED", note);
        audit.record("REJECT_LATE_SHIFT", "shift:" + shiftId, note.trim());
    }

    /** Evidence for the post's keepers and the approvers. */
    @Transactional(readOnly = true)
    public Evidence evidence(long id) {
        long shiftId = jdbc.sql("select shift_id from shift_late_confirmation where id = ?").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("late confirmation", id));
        VolunteerPost post = posts.findById(shifts.findById(shiftId).orElseThrow().getPostId()).orElseThrow();
        if (!reach.organization(post.getHostOrgId()) && !reach.coversUnitAbove(post.getHostOrgId())) {
            throw new AccessDeniedException("Late confirmation " + id + " is not for " + actors.current().username());
        }
        return jdbc.sql("select content_type, evidence from shift_late_confirmation where id = ?").param(id)
                .query((rs, n) -> new Evidence(rs.getString(1), rs.getBytes(2))).single();
    }

    /** The shift of a waiting late confirmation the caller may decide (locked): staff reaching the unit above the post's host. */
    private long decidable(long id) {
        actors.current().requireStaff();
        Object[] row = jdbc.sql("select shift_id, status from shift_late_confirmation where id = ? for update").param(id)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).optional()
                .orElseThrow(() -> new NotFoundException("late confirmation", id));
        long shiftId = (Long) row[0];
        VolunteerPost post = posts.findById(shifts.findById(shiftId).orElseThrow().getPostId()).orElseThrow();
        if (!reach.coversUnitAbove(post.getHostOrgId())) {
            throw new AccessDeniedException("Late confirmation " + id + " is decided one level above its post's host");
        }
        if (!"PENDING".equals(row[1])) {
            throw RuleViolationException.of("backfill.decided");
        }
        return shiftId;
    }

    private void decide(long id, String status, String note) {
        if (note != null && note.trim().length() > 500) {
            throw new RuleViolationException("note", "backfill.reason.required");
        }
        jdbc.sql("update shift_late_confirmation set status = ?, decided_by = ?, decided_at = ?, note = ? where id = ?")
                .params(status, actors.current().username(), Timestamp.from(clock.instant()),
                        note == null || note.isBlank() ? null : note.trim(), id).update();
    }
}
