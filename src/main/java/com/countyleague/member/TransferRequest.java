package com.countyleague.member;

import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** 组织关系转接: a person's move from one branch to another, which the receiving branch accepts or rejects. */
@Entity
public class TransferRequest {

    public enum Status { PENDING, ACCEPTED, REJECTED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long personId;

    private Long fromOrgId;

    private Long toOrgId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String reason;

    private String requestedBy;

    private Instant requestedAt;

    private String decidedBy;

    private Instant decidedAt;

    private String decisionNote;

    @Version
    private long version;

    protected TransferRequest() {
    }

    TransferRequest(Person person, long toOrgId, String reason, String requestedBy, Instant now) {
        if (person.getOrganizationId().equals(toOrgId)) {
            throw new RuleViolationException("toOrgId", "member.transfer.same-branch");
        }
        if (person.getStatus() != PersonStatus.ACTIVE) {
            throw RuleViolationException.of("member.transfer.not-active");
        }
        this.personId = person.getId();
        this.fromOrgId = person.getOrganizationId();
        this.toOrgId = toOrgId;
        this.status = Status.PENDING;
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
    }

    void accept(String by, String note, Instant now) {
        decide(Status.ACCEPTED, by, note, now);
    }

    void reject(String by, String note, Instant now) {
        decide(Status.REJECTED, by, note, now);
    }

    void cancel(String by, Instant now) {
        decide(Status.CANCELLED, by, null, now);
    }

    private void decide(Status outcome, String by, String note, Instant now) {
        if (status != Status.PENDING) {
            throw RuleViolationException.of("member.transfer.already-decided");
        }
        this.status = outcome;
        this.decidedBy = by;
        this.decisionNote = note;
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public Long getFromOrgId() {
        return fromOrgId;
    }

    public Long getToOrgId() {
        return toOrgId;
    }

    public Status getStatus() {
        return status;
    }

    public String getReason() {
        return reason;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecisionNote() {
        return decisionNote;
    }
}
