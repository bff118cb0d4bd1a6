package com.countyleague.volunteer;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Days a member has said they cannot serve, inclusive. */
@Entity
@Table(name = "volunteer_unavailability")
public class Unavailability {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long personId;

    private LocalDate fromDay;

    private LocalDate toDay;

    private String note;

    private Instant createdAt;

    protected Unavailability() {
    }

    Unavailability(long personId, LocalDate fromDay, LocalDate toDay, String note, Instant now) {
        this.personId = personId;
        this.fromDay = fromDay;
        this.toDay = toDay;
        this.note = note;
        this.createdAt = now;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(fromDay) && !day.isAfter(toDay);
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public LocalDate getFromDay() {
        return fromDay;
    }

    public LocalDate getToDay() {
        return toDay;
    }

    public String getNote() {
        return note;
    }
}
