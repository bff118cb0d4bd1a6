package com.countyleague.council;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A League representative (团代表) stationed at a liaison point for a term. */
@Entity
@Table(name = "league_representative")
public class Representative {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long pointId;

    private Long personId;

    private LocalDate termFrom;

    private LocalDate termTo;

    private Instant createdAt;

    protected Representative() {
    }

    Representative(long pointId, long personId, LocalDate termFrom, LocalDate termTo, Instant now) {
        this.pointId = pointId;
        this.personId = personId;
        this.termFrom = termFrom;
        this.termTo = termTo;
        this.createdAt = now;
    }

    public boolean isServingOn(LocalDate day) {
        return !day.isBefore(termFrom) && !day.isAfter(termTo);
    }

    public Long getId() {
        return id;
    }

    public Long getPointId() {
        return pointId;
    }

    public Long getPersonId() {
        return personId;
    }

    public LocalDate getTermFrom() {
        return termFrom;
    }

    public LocalDate getTermTo() {
        return termTo;
    }
}
