package com.countyleague.activity;

import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * 补录: a presence added after the fact, with its times, reason and evidence, pending until staff one
 * level above the host approve it (the attendance is written then) or reject it (kept as it was).
 */
@Entity
public class Backfill {

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long activityId;

    private Long personId;

    private Instant checkedInAt;

    private Instant checkedOutAt;

    private String reason;

    private String requestedBy;

    private boolean byMember;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String decidedBy;

    private Instant decidedAt;

    private String note;

    private Long attendanceId;

    private Instant createdAt;

    @Version
    private long version;

    protected Backfill() {
    }

    Backfill(long activityId, long personId, Instant in, Instant out, String reason, String requestedBy, boolean byMember, Instant now) {
        if (!out.isAfter(in)) {
            throw new RuleViolationException("out", "backfill.times.order");
        }
        this.activityId = activityId;
        this.personId = personId;
        this.checkedInAt = in;
        this.checkedOutAt = out;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.byMember = byMember;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    void approved(long attendanceId, String by, String note, Instant now) {
        decide(by, note, now);
        this.status = Status.APPROVED;
        this.attendanceId = attendanceId;
    }

    void rejected(String by, String note, Instant now) {
        decide(by, note, now);
        this.status = Status.REJECTED;
    }

    private void decide(String by, String note, Instant now) {
        if (status != Status.PENDING) {
            throw RuleViolationException.of("backfill.decided");
        }
        this.decidedBy = by;
        this.decidedAt = now;
        this.note = note;
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    public Long getId() {
        return id;
    }

    public Long getActivityId() {
        return activityId;
    }

    public Long getPersonId() {
        return personId;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }

    public Instant getCheckedOutAt() {
        return checkedOutAt;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public boolean isByMember() {
        return byMember;
    }

    public Status getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getNote() {
        return note;
    }
}
