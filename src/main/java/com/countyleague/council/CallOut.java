package com.countyleague.council;

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
 * 急难险重新: a call-out to a team for an urgent task, open until as many have said they are coming
 * as it needs (then staffed) or until its sender closes it.
 */
@Entity
public class CallOut {

    public enum Status { OPEN, STAFFED, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long groupId;

    private Long organizationId;

    private Long activityId;

    private String title;

    private String place;

    private int needed;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String createdBy;

    private Instant createdAt;

    @Version
    private long version;

    protected CallOut() {
    }

    CallOut(long groupId, long organizationId, long activityId, String title, String place, int needed, String createdBy, Instant now) {
        this.groupId = groupId;
        this.organizationId = organizationId;
        this.activityId = activityId;
        this.title = title;
        this.place = place;
        this.needed = needed;
        this.status = Status.OPEN;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** One more "coming" while it is open; with it, staffed when enough are coming. */
    void takeYes(long comingBefore) {
        if (status != Status.OPEN) {
            throw RuleViolationException.of(status == Status.STAFFED ? "callout.staffed" : "callout.closed");
        }
        if (comingBefore + 1 >= needed) {
            status = Status.STAFFED;
        }
    }

    /** Someone who said yes says no after all: open again if it was staffed. */
    void loseYes(long comingAfter) {
        if (status == Status.STAFFED && comingAfter < needed) {
            status = Status.OPEN;
        }
    }

    void close() {
        if (status == Status.CLOSED) {
            throw RuleViolationException.of("callout.closed");
        }
        status = Status.CLOSED;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public boolean isClosed() {
        return status == Status.CLOSED;
    }

    public Long getId() {
        return id;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getActivityId() {
        return activityId;
    }

    public String getTitle() {
        return title;
    }

    public String getPlace() {
        return place;
    }

    public int getNeeded() {
        return needed;
    }

    public Status getStatus() {
        return status;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
