package com.countyleague.council;

import java.time.Instant;
import java.time.LocalDate;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** One resident received at a liaison point: who, about what, where; it becomes a residents' issue once at most. */
@Entity
public class VisitorEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long pointId;

    private LocalDate visitedOn;

    private String visitor;

    private String contact;

    private Long compoundId;

    private Long buildingId;

    private String content;

    private Long issueId;

    private String recordedBy;

    private Instant createdAt;

    @Version
    private long version;

    protected VisitorEntry() {
    }

    /** What the log takes about a visitor. */
    public record Draft(LocalDate visitedOn, String visitor, String contact, Long compoundId, Long buildingId, String content) {
    }

    VisitorEntry(long pointId, Draft draft, String recordedBy, Instant now) {
        this.pointId = pointId;
        this.visitedOn = draft.visitedOn();
        this.visitor = draft.visitor().trim();
        this.contact = draft.contact() == null || draft.contact().isBlank() ? null : draft.contact().trim();
        this.compoundId = draft.compoundId();
        this.buildingId = draft.buildingId();
        this.content = draft.content().trim();
        this.recordedBy = recordedBy;
        this.createdAt = now;
    }

    void becameIssue(long issueId) {
        if (this.issueId != null) {
            throw RuleViolationException.of("liaison.visitor.already-issue");
        }
        this.issueId = issueId;
    }

    public Long getId() {
        return id;
    }

    public Long getPointId() {
        return pointId;
    }

    public LocalDate getVisitedOn() {
        return visitedOn;
    }

    public String getVisitor() {
        return visitor;
    }

    public String getContact() {
        return contact;
    }

    public Long getCompoundId() {
        return compoundId;
    }

    public Long getBuildingId() {
        return buildingId;
    }

    public String getContent() {
        return content;
    }

    public Long getIssueId() {
        return issueId;
    }
}
