package com.countyleague.points;

import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person's points: the balance, kept with every entry in the same transaction under the row's
 * lock, so reading it is one row; and the points earned in all, which decide the tier. Refuses an
 * overdraft — the database's CHECK refuses it too.
 */
@Entity
@Table(name = "points_account")
public class PointsAccount {

    @Id
    private Long personId;

    private int balance;

    private int earnedTotal;

    private String cardNumber;

    private String cardCode;

    private Instant createdAt;

    @Version
    private long version;

    protected PointsAccount() {
    }

    /** Applies an entry's amount; earnings (and positive adjustments) also count towards the tier. */
    void apply(PointsEntry.Kind kind, int amount) {
        if (balance + amount < 0) {
            throw kind == PointsEntry.Kind.REDEEM ? RuleViolationException.of("points.short", -amount, balance)
                    : RuleViolationException.of("points.below-zero", balance);
        }
        balance += amount;
        if (kind == PointsEntry.Kind.EARN || (kind == PointsEntry.Kind.ADJUST && amount > 0)) {
            earnedTotal += amount;
        }
    }

    public Long getPersonId() {
        return personId;
    }

    public int getBalance() {
        return balance;
    }

    public int getEarnedTotal() {
        return earnedTotal;
    }

    public String getCardNumber() {
        return cardNumber;
    }

    public String getCardCode() {
        return cardCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
