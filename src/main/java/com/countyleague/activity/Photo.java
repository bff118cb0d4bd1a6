package com.countyleague.activity;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A checked JPEG or PNG of an activity's record or of a member's online proof; its bytes live in {@code photo_content}. */
@Entity
public class Photo {

    public enum Purpose { RECORD, PROOF }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long activityId;

    @Enumerated(EnumType.STRING)
    private Purpose purpose;

    private String contentType;

    private int sizeBytes;

    private int width;

    private int height;

    private String uploadedBy;

    private Instant uploadedAt;

    protected Photo() {
    }

    Photo(long activityId, Purpose purpose, String contentType, int sizeBytes, int width, int height, String uploadedBy, Instant now) {
        this.activityId = activityId;
        this.purpose = purpose;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.width = width;
        this.height = height;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getActivityId() {
        return activityId;
    }

    public Purpose getPurpose() {
        return purpose;
    }

    public String getContentType() {
        return contentType;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public int getWidth() {
        return width;
    }

    public int getHeight() {
        return height;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
