package com.countyleague.venue;

import com.countyleague.web.RuleViolationException;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One loan of one item to one person: asked for, lent with a due date, returned with its condition. */
@Entity
public class ToolLoan {

    public enum Status { REQUESTED, LENT, RETURNED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long itemId;

    private Long personId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant requestedAt;

    private Instant lentAt;

    private LocalDate dueOn;

    private Instant returnedAt;

    private String returnCondition;

    private String decidedBy;

    @Version
    private Long version;

    protected ToolLoan() {
    }

    ToolLoan(long itemId, long personId, Instant now) {
        this.itemId = itemId;
        this.personId = personId;
        this.status = Status.REQUESTED;
        this.requestedAt = now;
    }

    void lend(LocalDate dueOn, LocalDate today, String by, Instant now) {
        if (status != Status.REQUESTED) {
            throw RuleViolationException.of("tool.loan.not-requested");
        }
        if (dueOn == null || dueOn.isBefore(today) || dueOn.isAfter(today.plusDays(90))) {
            throw new RuleViolationException("dueOn", "tool.loan.due");
        }
        this.status = Status.LENT;
        this.dueOn = dueOn;
        this.lentAt = now;
        this.decidedBy = by;
    }

    void refuse(String by) {
        if (status != Status.REQUESTED) {
            throw RuleViolationException.of("tool.loan.not-requested");
        }
        this.status = Status.REFUSED;
        this.decidedBy = by;
    }

    void giveBack(String condition, String by, Instant now) {
        if (status != Status.LENT) {
            throw RuleViolationException.of("tool.loan.not-lent");
        }
        this.status = Status.RETURNED;
        this.returnedAt = now;
        this.returnCondition = condition == null || condition.isBlank() ? null : condition.strip();
        this.decidedBy = by;
    }

    public boolean isLent() {
        return status == Status.LENT;
    }

    public boolean overdueOn(LocalDate today) {
        return status == Status.LENT && dueOn.isBefore(today);
    }

    public Long getId() {
        return id;
    }

    public Long getItemId() {
        return itemId;
    }

    public Long getPersonId() {
        return personId;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public String getReturnCondition() {
        return returnCondition;
    }
}
