package com.countyleague.volunteer;

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

/** A member asks a teammate to take their shift, perhaps taking one of the teammate's in exchange. */
@Entity
@Table(name = "shift_swap")
public class ShiftSwap {

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long shiftId;

    private Long requestedBy;

    private Long withPersonId;

    private Long withShiftId;

    private String reason;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant requestedAt;

    private String decidedBy;

    private Instant decidedAt;

    @Version
    private long version;

    protected ShiftSwap() {
    }

    ShiftSwap(long shiftId, long requestedBy, long withPersonId, Long withShiftId, String reason, Instant now) {
        this.shiftId = shiftId;
        this.requestedBy = requestedBy;
        this.withPersonId = withPersonId;
        this.withShiftId = withShiftId;
        this.reason = reason;
        this.status = Status.PENDING;
        this.requestedAt = now;
    }

    void decide(boolean approve, String by, Instant now) {
        if (status != Status.PENDING) {
            throw RuleViolationException.of("swap.not-pending");
        }
        this.status = approve ? Status.APPROVED : Status.REJECTED;
        this.decidedBy = by;
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getShiftId() {
        return shiftId;
    }

    public Long getRequestedBy() {
        return requestedBy;
    }

    public Long getWithPersonId() {
        return withPersonId;
    }

    public Long getWithShiftId() {
        return withShiftId;
    }

    public String getReason() {
        return reason;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }
}
