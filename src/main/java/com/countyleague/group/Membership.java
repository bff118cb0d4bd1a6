package com.countyleague.group;

import java.time.Duration;
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

/**
 * A person's place in a group: asked for, on the waiting list, active (perhaps with a core role),
 * or ended. Owns the moves between those states; the group's service owns the capacity they need.
 */
@Entity
@Table(name = "group_membership")
public class Membership {

    public enum Status { PENDING, WAITING, ACTIVE, REJECTED, LEFT, REMOVED }

    /** How the person came: asked themselves, named by an organisation, recruited by a campaign, added by a leader. */
    public enum Source { APPLIED, NOMINATED, RECRUITED, ADDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long groupId;

    private Long personId;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Enumerated(EnumType.STRING)
    private GroupRole role;

    @Enumerated(EnumType.STRING)
    private Source source;

    /** On a 青春业委会: the seat the member holds. */
    @Enumerated(EnumType.STRING)
    private CommitteeSeat seat;

    private Instant requestedAt;

    private Instant waitingSince;

    private Instant joinedAt;

    private Instant endedAt;

    /** The last time the person took part (a check-in at one of the group's activities). */
    private Instant lastSeenAt;

    private String decidedBy;

    @Version
    private long version;

    protected Membership() {
    }

    Membership(long groupId, long personId, Source source, Instant now) {
        this.groupId = groupId;
        this.personId = personId;
        this.source = source;
        this.status = Status.PENDING;
        this.requestedAt = now;
    }

    /** Accepted: active if the group has room, else on the waiting list in order of acceptance. */
    void accept(boolean room, String by, Instant now) {
        if (status != Status.PENDING) {
            throw RuleViolationException.of("group.membership.not-pending");
        }
        this.decidedBy = by;
        if (room) {
            activate(now);
        } else {
            this.status = Status.WAITING;
            this.waitingSince = now;
        }
    }

    void reject(String by, Instant now) {
        if (status != Status.PENDING) {
            throw RuleViolationException.of("group.membership.not-pending");
        }
        this.status = Status.REJECTED;
        this.decidedBy = by;
        this.endedAt = now;
    }

    /** A place freed up: the first on the waiting list moves in. */
    void promote(Instant now) {
        if (status != Status.WAITING) {
            throw new IllegalStateException("Only a waiting membership moves up");
        }
        activate(now);
    }

    private void activate(Instant now) {
        this.status = Status.ACTIVE;
        this.joinedAt = now;
        this.lastSeenAt = now;
    }

    /** Leaving by one's own choice, or removed by a leader: a role ends with it. */
    void end(Status how, String by, Instant now) {
        if (status != Status.ACTIVE && status != Status.WAITING && status != Status.PENDING) {
            throw RuleViolationException.of("group.membership.not-current");
        }
        this.status = how;
        this.role = null;
        this.decidedBy = by;
        this.endedAt = now;
    }

    void appoint(GroupRole role) {
        if (status != Status.ACTIVE) {
            throw RuleViolationException.of("group.role.active-only");
        }
        this.role = role;
    }

    void seat(CommitteeSeat seat) {
        if (status != Status.ACTIVE) {
            throw new RuleViolationException("seat", "group.role.active-only");
        }
        this.seat = seat;
    }

    void noteAttendance(Instant at) {
        if (lastSeenAt == null || at.isAfter(lastSeenAt)) {
            lastSeenAt = at;
        }
    }

    /** No part taken in the group's activities for the given number of days. */
    public boolean isInactiveAt(Instant now, int days) {
        Instant seen = lastSeenAt != null ? lastSeenAt : joinedAt;
        return status == Status.ACTIVE && seen != null && seen.plus(Duration.ofDays(days)).isBefore(now);
    }

    public boolean isCurrent() {
        return status == Status.PENDING || status == Status.WAITING || status == Status.ACTIVE;
    }

    public Long getId() {
        return id;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getPersonId() {
        return personId;
    }

    public Status getStatus() {
        return status;
    }

    public GroupRole getRole() {
        return role;
    }

    public CommitteeSeat getSeat() {
        return seat;
    }

    public Source getSource() {
        return source;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getWaitingSince() {
        return waitingSince;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }
}
