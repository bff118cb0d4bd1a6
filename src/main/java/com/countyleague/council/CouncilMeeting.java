package com.countyleague.council;

import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** 议事: what a council's meeting was for and what came of it; the meeting itself is an activity of the council. */
@Entity
public class CouncilMeeting {

    @Id
    private Long activityId;

    private Long councilId;

    private String agenda;

    private String minutes;

    private String decisions;

    private Instant recordedAt;

    private String recordedBy;

    protected CouncilMeeting() {
    }

    CouncilMeeting(long activityId, long councilId, String agenda) {
        this.activityId = activityId;
        this.councilId = councilId;
        this.agenda = agenda;
    }

    /** The minutes and decisions, once it has been held. */
    void record(String minutes, String decisions, boolean held, String by, Instant now) {
        if (!held) {
            throw new RuleViolationException("minutes", "council.minutes.not-held");
        }
        this.minutes = minutes;
        this.decisions = decisions;
        this.recordedBy = by;
        this.recordedAt = now;
    }

    public Long getActivityId() {
        return activityId;
    }

    public Long getCouncilId() {
        return councilId;
    }

    public String getAgenda() {
        return agenda;
    }

    public String getMinutes() {
        return minutes;
    }

    public String getDecisions() {
        return decisions;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
