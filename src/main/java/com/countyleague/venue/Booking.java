package com.countyleague.venue;

import com.countyleague.web.RuleViolationException;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A venue booked for a time range, for an activity, a group or a purpose of its own. Confirmed
 * bookings of one venue never overlap: the database refuses it (an exclusion constraint), also when
 * two requests race.
 */
@Entity
@Table(name = "venue_booking")
public class Booking {

    public enum Status { REQUESTED, CONFIRMED, REFUSED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long venueId;

    private Instant startsAt;

    private Instant endsAt;

    private Long activityId;

    private Long groupId;

    private String purpose;

    private int attendees;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String requestedBy;

    private String decidedBy;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private Long version;

    protected Booking() {
    }

    Booking(long venueId, Instant startsAt, Instant endsAt, Long activityId, Long groupId, String purpose, int attendees,
            boolean confirmed, String by, Instant now) {
        this.venueId = venueId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.activityId = activityId;
        this.groupId = groupId;
        this.purpose = purpose;
        this.attendees = attendees;
        this.status = confirmed ? Status.CONFIRMED : Status.REQUESTED;
        this.requestedBy = by;
        this.decidedBy = confirmed ? by : null;
        this.createdAt = now;
    }

    /** The venue's manager decides a request; a decided booking stays as it is. */
    void decide(boolean confirm, String by) {
        if (status != Status.REQUESTED) {
            throw RuleViolationException.of("booking.decided");
        }
        this.status = confirm ? Status.CONFIRMED : Status.REFUSED;
        this.decidedBy = by;
    }

    void cancel(String by) {
        if (status == Status.CANCELLED || status == Status.REFUSED) {
            throw RuleViolationException.of("booking.decided");
        }
        this.status = Status.CANCELLED;
        this.decidedBy = by;
    }

    /** Asked for and waiting for the manager's decision. */
    public boolean isAsked() {
        return status == Status.REQUESTED;
    }

    public boolean isConfirmed() {
        return status == Status.CONFIRMED;
    }

    public Long getId() {
        return id;
    }

    public Long getVenueId() {
        return venueId;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public Long getActivityId() {
        return activityId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public String getPurpose() {
        return purpose;
    }

    public int getAttendees() {
        return attendees;
    }

    public Status getStatus() {
        return status;
    }

    public String getRequestedBy() {
        return requestedBy;
    }
}
