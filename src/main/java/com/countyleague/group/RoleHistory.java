package com.countyleague.group;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A core role someone held in a group, from when until when, and who decided. */
@Entity
@Table(name = "group_role_history")
public class RoleHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long groupId;

    private Long personId;

    @Enumerated(EnumType.STRING)
    private GroupRole role;

    private Instant appointedAt;

    private String appointedBy;

    private Instant endedAt;

    private String endedBy;

    protected RoleHistory() {
    }

    RoleHistory(long groupId, long personId, GroupRole role, String by, Instant now) {
        this.groupId = groupId;
        this.personId = personId;
        this.role = role;
        this.appointedBy = by;
        this.appointedAt = now;
    }

    void end(String by, Instant now) {
        if (endedAt == null) {
            this.endedAt = now;
            this.endedBy = by;
        }
    }

    public Long getGroupId() {
        return groupId;
    }

    public Long getPersonId() {
        return personId;
    }

    public GroupRole getRole() {
        return role;
    }

    public Instant getAppointedAt() {
        return appointedAt;
    }

    public String getAppointedBy() {
        return appointedBy;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getEndedBy() {
        return endedBy;
    }
}
