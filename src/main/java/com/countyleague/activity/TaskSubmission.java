package com.countyleague.activity;

import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** 线上打卡: a member's proof for an online activity — a short text, a photo, or both — and the organiser's verdict. */
@Entity
public class TaskSubmission {

    public static final int MAX_TEXT = 1000;

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long activityId;

    private Long personId;

    private String text;

    private Long photoId;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant submittedAt;

    private String reviewedBy;

    private Instant reviewedAt;

    private String reviewNote;

    @Version
    private long version;

    protected TaskSubmission() {
    }

    TaskSubmission(long activityId, long personId, String text, Long photoId, Instant now) {
        this.activityId = activityId;
        this.personId = personId;
        this.text = text;
        this.photoId = photoId;
        this.status = Status.PENDING;
        this.submittedAt = now;
    }

    void review(boolean approve, String note, String by, Instant now) {
        if (status != Status.PENDING) {
            throw RuleViolationException.of("task.not-pending");
        }
        this.status = approve ? Status.APPROVED : Status.REJECTED;
        this.reviewNote = note == null || note.isBlank() ? null : note.trim();
        this.reviewedBy = by;
        this.reviewedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getActivityId() {
        return activityId;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getText() {
        return text;
    }

    public Long getPhotoId() {
        return photoId;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public String getReviewNote() {
        return reviewNote;
    }
}
