package com.countyleague.group;

import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A community group hosted by an organisation, with an optional size cap. */
@Entity
public class CommunityGroup {

    public enum Status { ACTIVE, SUSPENDED, DISSOLVED }

    public static final int DEFAULT_INACTIVITY_DAYS = 90;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private GroupKind kind;

    @Enumerated(EnumType.STRING)
    private PracticeTheme theme;

    private String name;

    private Long hostOrgId;

    private String description;

    /** At most this many active members; {@code null} for no cap. */
    private Integer capacity;

    private int inactivityDays;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CommunityGroup() {
    }

    /** What an organiser sets about a group. */
    public record Details(GroupKind kind, PracticeTheme theme, String name, long hostOrgId, String description,
                          Integer capacity, int inactivityDays, Status status) {
    }

    CommunityGroup(Details details, Instant now) {
        this.createdAt = now;
        apply(details);
    }

    void apply(Details details) {
        if (details.kind().hasTheme() != (details.theme() != null)) {
            throw new RuleViolationException("theme", details.kind().hasTheme() ? "group.theme.required" : "group.theme.practice-only");
        }
        this.kind = details.kind();
        this.theme = details.theme();
        this.name = details.name();
        this.hostOrgId = details.hostOrgId();
        this.description = details.description();
        this.capacity = details.capacity();
        this.inactivityDays = details.inactivityDays();
        this.status = details.status();
    }

    /** Whether one more active member fits. */
    boolean hasRoomFor(long activeMembers) {
        return capacity == null || activeMembers < capacity;
    }

    /** A 青春业委会: its members hold seats. */
    public boolean isSeated() {
        return kind == GroupKind.YOUTH_COMMITTEE;
    }

    boolean isOpen() {
        return status == Status.ACTIVE;
    }

    public Long getId() {
        return id;
    }

    public GroupKind getKind() {
        return kind;
    }

    public PracticeTheme getTheme() {
        return theme;
    }

    public String getName() {
        return name;
    }

    public Long getHostOrgId() {
        return hostOrgId;
    }

    public String getDescription() {
        return description;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public int getInactivityDays() {
        return inactivityDays;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
