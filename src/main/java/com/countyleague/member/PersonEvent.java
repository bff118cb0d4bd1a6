package com.countyleague.member;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

import org.hibernate.annotations.Immutable;

/** One line of a person's history. Append-only: the database refuses changes. */
@Entity
@Immutable
public class PersonEvent {

    public enum Type {
        CREATED, IMPORTED, UPDATED, NAME_CORRECTED, ID_NUMBER_CORRECTED, TRANSFER_REQUESTED, TRANSFER_ACCEPTED,
        TRANSFER_REJECTED, TRANSFER_CANCELLED, JOINED_LEAGUE, RETIRED, STATUS_CHANGED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_event_seq")
    @SequenceGenerator(name = "person_event_seq", sequenceName = "person_event_id_seq", allocationSize = 50)
    private Long id;

    private Long personId;

    private Instant at;

    @Enumerated(EnumType.STRING)
    private Type type;

    private String actor;

    private Long organizationId;

    private String detail;

    private String reason;

    protected PersonEvent() {
    }

    PersonEvent(long personId, Instant at, Type type, String actor, Long organizationId, String detail, String reason) {
        this.personId = personId;
        this.at = at;
        this.type = type;
        this.actor = actor;
        this.organizationId = organizationId;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public Instant getAt() {
        return at;
    }

    public Type getType() {
        return type;
    }

    public String getActor() {
        return actor;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public String getDetail() {
        return detail;
    }

    public String getReason() {
        return reason;
    }
}
