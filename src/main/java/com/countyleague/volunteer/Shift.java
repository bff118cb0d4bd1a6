package com.countyleague.volunteer;

import java.time.Instant;
import java.time.LocalDate;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 轮值: one person on one slot of one day at a post; the leader confirms it was kept (service hours) or missed. */
@Entity
@Table(name = "volunteer_shift")
public class Shift {

    public enum Status { SCHEDULED, COMPLETED, MISSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long postId;

    private LocalDate day;

    private int slotNo;

    private Long personId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private int serviceMinutes;

    private String confirmedBy;

    private Instant confirmedAt;

    @Version
    private long version;

    protected Shift() {
    }

    Shift(long postId, LocalDate day, int slotNo, long personId) {
        this.postId = postId;
        this.day = day;
        this.slotNo = slotNo;
        this.personId = personId;
        this.status = Status.SCHEDULED;
    }

    void confirm(boolean kept, int minutes, String by, Instant now) {
        if (status != Status.SCHEDULED) {
            throw RuleViolationException.of("shift.already-confirmed");
        }
        this.status = kept ? Status.COMPLETED : Status.MISSED;
        this.serviceMinutes = kept ? minutes : 0;
        this.confirmedBy = by;
        this.confirmedAt = now;
    }

    /** Hands the shift to someone else (an approved swap); only a shift still to come. */
    void handTo(long personId) {
        if (status != Status.SCHEDULED) {
            throw RuleViolationException.of("shift.already-confirmed");
        }
        this.personId = personId;
    }

    public boolean isScheduled() {
        return status == Status.SCHEDULED;
    }

    public Long getId() {
        return id;
    }

    public Long getPostId() {
        return postId;
    }

    public LocalDate getDay() {
        return day;
    }

    public int getSlotNo() {
        return slotNo;
    }

    public Long getPersonId() {
        return personId;
    }

    public Status getStatus() {
        return status;
    }

    public int getServiceMinutes() {
        return serviceMinutes;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }
}
