package com.countyleague.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A sign-in account. Owns the lockout rule: five wrong passwords in a row lock it for fifteen
 * minutes, during which even the right password is refused.
 */
@Entity
public class Account {

    static final int MAX_FAILED_ATTEMPTS = 5;
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    private String passwordHash;

    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    /** Bound organisation; the reach of admins and secretaries. Null only for the county admin. */
    private Long organizationId;

    /** The person of the ledgers this account belongs to, for members and anyone with a core role in a group. */
    private Long personId;

    private boolean enabled;

    private boolean mustChangePassword;

    private int failedAttempts;

    private Instant lockedUntil;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant passwordChangedAt;

    @Version
    private long version;

    protected Account() {
    }

    Account(String username, String displayName, Role role, Long organizationId, String passwordHash,
            boolean mustChangePassword, Instant now) {
        if (role != Role.COUNTY_ADMIN && organizationId == null) {
            throw new IllegalArgumentException("Only the county admin may be unbound from an organisation");
        }
        this.username = username;
        this.displayName = displayName;
        this.role = role;
        this.organizationId = organizationId;
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChangePassword;
        this.enabled = true;
        this.createdAt = now;
        this.passwordChangedAt = now;
    }

    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a wrong password; returns whether this one locked the account. */
    boolean recordFailedLogin(Instant now) {
        if (isLockedAt(now)) {
            return false;
        }
        failedAttempts++;
        if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
            failedAttempts = 0;
            lockedUntil = now.plus(LOCKOUT);
            return true;
        }
        return false;
    }

    void recordSuccessfulLogin() {
        failedAttempts = 0;
        lockedUntil = null;
    }

    void unlock() {
        recordSuccessfulLogin();
    }

    /** A password set by someone else (reset) must be changed by its owner at the next sign-in. */
    void setPassword(String passwordHash, boolean mustChange, Instant now) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = mustChange;
        this.passwordChangedAt = now;
    }

    void assign(String displayName, Role role, Long organizationId) {
        if (role != Role.COUNTY_ADMIN && organizationId == null) {
            throw new IllegalArgumentException("Only the county admin may be unbound from an organisation");
        }
        this.displayName = displayName;
        this.role = role;
        this.organizationId = organizationId;
    }

    void linkPerson(Long personId) {
        this.personId = personId;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    public String getDisplayName() {
        return displayName;
    }

    public Role getRole() {
        return role;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getPersonId() {
        return personId;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }
}
