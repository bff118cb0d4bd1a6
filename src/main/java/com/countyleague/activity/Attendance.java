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
 * One person's presence at one activity (one row per pair, enforced by the database): when they
 * checked in and signed out, how, and the service minutes that presence earned.
 */
@Entity
public class Attendance {

    /** QR: scanned the organiser's screen; CODE: typed its 6 digits; MANUAL: recorded by a secretary; TASK: an approved online proof. */
    public enum Method { QR, CODE, MANUAL, TASK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long activityId;

    private Long personId;

    private Instant checkedInAt;

    @Enumerated(EnumType.STRING)
    private Method checkInMethod;

    private Instant checkedOutAt;

    @Enumerated(EnumType.STRING)
    private Method checkOutMethod;

    private int serviceMinutes;

    private Instant confirmedAt;

    /** Revoked after review: the presence stays on record, its service time counts for nothing. */
    private Instant revokedAt;

    private String revokedBy;

    private String revokeReason;

    @Version
    private long version;

    protected Attendance() {
    }

    /** Signs out and settles the service minutes; a presence is settled once. */
    void checkOut(Activity activity, Instant at, Method method, Instant now) {
        if (confirmedAt != null) {
            throw RuleViolationException.of("checkin.already-out");
        }
        if (at.isBefore(checkedInAt)) {
            throw new RuleViolationException("at", "checkin.out-before-in");
        }
        this.checkedOutAt = at;
        this.checkOutMethod = method;
        this.serviceMinutes = activity.serviceMinutes(checkedInAt, at);
        this.confirmedAt = now;
    }

    /** An approved online proof: attendance without a time on site, so without service minutes. */
    void confirmTask(Instant now) {
        this.confirmedAt = now;
    }

    /** Moves the check-in time (a secretary's correction) while the presence is not settled yet. */
    void correctCheckIn(Instant at) {
        if (confirmedAt != null) {
            throw RuleViolationException.of("checkin.already-out");
        }
        this.checkedInAt = at;
        this.checkInMethod = Method.MANUAL;
    }

    /** Takes the service time away, once; what it had earned is returned to the caller to reverse. */
    int revoke(String reason, String by, Instant now) {
        if (revokedAt != null) {
            throw RuleViolationException.of("attendance.revoked-already");
        }
        int had = serviceMinutes;
        this.serviceMinutes = 0;
        this.revokedAt = now;
        this.revokedBy = by;
        this.revokeReason = reason;
        return had;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public boolean isCheckedOut() {
        return checkedOutAt != null;
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

    public Method getCheckInMethod() {
        return checkInMethod;
    }

    public Instant getCheckedOutAt() {
        return checkedOutAt;
    }

    public Method getCheckOutMethod() {
        return checkOutMethod;
    }

    public int getServiceMinutes() {
        return serviceMinutes;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }
}
