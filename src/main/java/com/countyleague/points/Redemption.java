package com.countyleague.points;

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
 * A member's redemption: reserved with a one-time pickup code (points and stock already taken), then
 * fulfilled at pickup, or cancelled or expired — both of which refund it, once.
 */
@Entity
public class Redemption {

    public enum Status { RESERVED, FULFILLED, CANCELLED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long itemId;

    private Long personId;

    private int cost;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String pickupCode;

    private String requestKey;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant closedAt;

    private String closedBy;

    @Version
    private long version;

    protected Redemption() {
    }

    Redemption(long itemId, long personId, int cost, String pickupCode, String requestKey, Instant now, Instant expiresAt) {
        this.itemId = itemId;
        this.personId = personId;
        this.cost = cost;
        this.status = Status.RESERVED;
        this.pickupCode = pickupCode;
        this.requestKey = requestKey;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Ends a reservation: handed over, cancelled or expired. Only a reservation still waiting can end. */
    void close(Status to, String by, Instant now) {
        if (status != Status.RESERVED) {
            throw RuleViolationException.of("redemption.not-reserved");
        }
        this.status = to;
        this.closedBy = by;
        this.closedAt = now;
    }

    public boolean isReserved() {
        return status == Status.RESERVED;
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

    public int getCost() {
        return cost;
    }

    public Status getStatus() {
        return status;
    }

    public String getPickupCode() {
        return pickupCode;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
