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

/** An anomaly found in a recorded presence, open until staff clear it or revoke the hours. */
@Entity
public class AttendanceFlag {

    /** The rules an attendance is held to. */
    public enum Rule {
        /** Still checked in 24 hours after the activity's end: signed out at the scheduled end, flagged. */
        LEFT_CHECKED_IN,
        /** One account checked in more people by hand in a short time than a desk plausibly does. */
        MANY_BY_HAND,
        /** More than three check-ins or check-outs by one person for one activity in a day. */
        MANY_SCANS,
        /** Service time longer than the activity (its times were changed after people signed out). */
        BEYOND_LENGTH
    }

    public enum Status { OPEN, CLEARED, REVOKED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long attendanceId;

    @Enumerated(EnumType.STRING)
    private Rule rule;

    private String detail;

    private Instant flaggedAt;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String decidedBy;

    private Instant decidedAt;

    private String note;

    @Version
    private long version;

    protected AttendanceFlag() {
    }

    AttendanceFlag(long attendanceId, Rule rule, String detail, Instant now) {
        this.attendanceId = attendanceId;
        this.rule = rule;
        this.detail = detail;
        this.flaggedAt = now;
        this.status = Status.OPEN;
    }

    void decide(Status outcome, String note, String by, Instant now) {
        if (status != Status.OPEN) {
            throw RuleViolationException.of("attendance.flag.decided");
        }
        this.status = outcome;
        this.note = note;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public Long getId() {
        return id;
    }

    public Long getAttendanceId() {
        return attendanceId;
    }

    public Rule getRule() {
        return rule;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getFlaggedAt() {
        return flaggedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getNote() {
        return note;
    }
}
