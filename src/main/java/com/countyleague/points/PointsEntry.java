package com.countyleague.points;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One line of a person's points ledger. Never changed or removed (the database refuses both); a
 * correction is a new entry. Its idempotency key names the one thing it is for, so nothing is paid,
 * redeemed or refunded twice.
 */
@Entity
@Immutable
@Table(name = "points_entry")
public class PointsEntry {

    public enum Kind { EARN, REDEEM, REFUND, ADJUST, EXPIRE }

    /** What an entry refers to. */
    public enum Ref { ACTIVITY, SHIFT, REDEMPTION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long personId;

    @Enumerated(EnumType.STRING)
    private Kind kind;

    private int amount;

    private int balanceAfter;

    private String reason;

    @Enumerated(EnumType.STRING)
    private Ref refType;

    private Long refId;

    private Long ruleId;

    private LocalDate actionDay;

    private Long organizationId;

    private String idempotencyKey;

    private String author;

    private Instant createdAt;

    protected PointsEntry() {
    }

    PointsEntry(long personId, Kind kind, int amount, int balanceAfter, String reason, Ref refType, Long refId, Long ruleId,
                LocalDate actionDay, long organizationId, String idempotencyKey, String author, Instant createdAt) {
        this.personId = personId;
        this.kind = kind;
        this.amount = amount;
        this.balanceAfter = balanceAfter;
        this.reason = reason;
        this.refType = refType;
        this.refId = refId;
        this.ruleId = ruleId;
        this.actionDay = actionDay;
        this.organizationId = organizationId;
        this.idempotencyKey = idempotencyKey;
        this.author = author;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public Kind getKind() {
        return kind;
    }

    public int getAmount() {
        return amount;
    }

    public int getBalanceAfter() {
        return balanceAfter;
    }

    public String getReason() {
        return reason;
    }

    public Ref getRefType() {
        return refType;
    }

    public Long getRefId() {
        return refId;
    }

    public Long getRuleId() {
        return ruleId;
    }

    public LocalDate getActionDay() {
        return actionDay;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
