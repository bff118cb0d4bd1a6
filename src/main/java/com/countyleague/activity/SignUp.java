package com.countyleague.activity;

import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A member's place at an activity: signed up, on the waiting list in order, or cancelled. */
@Entity
@Table(name = "activity_signup")
public class SignUp {

    public enum Status { SIGNED_UP, WAITING, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long activityId;

    private Long personId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant signedUpAt;

    private Instant endedAt;

    @Version
    private long version;

    protected SignUp() {
    }

    SignUp(long activityId, long personId, boolean room, Instant now) {
        this.activityId = activityId;
        this.personId = personId;
        this.status = room ? Status.SIGNED_UP : Status.WAITING;
        this.signedUpAt = now;
    }

    void cancel(Instant now) {
        if (status == Status.CANCELLED) {
            throw RuleViolationException.of("activity.signup.not-current");
        }
        status = Status.CANCELLED;
        endedAt = now;
    }

    void promote() {
        status = Status.SIGNED_UP;
    }

    public boolean isConfirmed() {
        return status == Status.SIGNED_UP;
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

    public Status getStatus() {
        return status;
    }

    public Instant getSignedUpAt() {
        return signedUpAt;
    }
}
