package com.countyleague.council;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * 民情: something residents need settled, owned by the unit that settles it. Owns its workflow:
 * NEW → ACCEPTED → IN_PROGRESS → RESOLVED → CLOSED (with the reporter's feedback), or REJECTED with a
 * reason from NEW or ACCEPTED; any other step is refused. An anonymous issue holds no reporter.
 */
@Entity
@Table(name = "resident_issue")
public class ResidentIssue {

    public enum Status {
        NEW, ACCEPTED, IN_PROGRESS, RESOLVED, CLOSED, REJECTED;

        public boolean isOpen() {
            return this == NEW || this == ACCEPTED || this == IN_PROGRESS;
        }
    }

    private static final Map<Status, Set<Status>> NEXT = Map.of(
            Status.NEW, EnumSet.of(Status.ACCEPTED, Status.REJECTED),
            Status.ACCEPTED, EnumSet.of(Status.IN_PROGRESS, Status.REJECTED),
            Status.IN_PROGRESS, EnumSet.of(Status.RESOLVED),
            Status.RESOLVED, EnumSet.of(Status.CLOSED),
            Status.CLOSED, EnumSet.noneOf(Status.class),
            Status.REJECTED, EnumSet.noneOf(Status.class));

    /** One line of an issue's history; {@code actor} is null for its anonymous reporter. */
    public record Event(Instant at, String action, Status status, String actor, String note) {
    }

    public record PhotoFile(String contentType, byte[] bytes) {
    }

    /** What whoever raises an issue says about it. */
    public record Report(long organizationId, Long councilId, String scope, String nature, Long compoundId, Long buildingId,
                         String title, String description) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long organizationId;

    private Long councilId;

    private String scope;

    private String nature;

    private Long compoundId;

    private Long buildingId;

    private String title;

    private String description;

    @Enumerated(EnumType.STRING)
    private Status status;

    private boolean anonymous;

    private Long reporterPersonId;

    private String raisedBy;

    private Long assigneePersonId;

    private LocalDate dueOn;

    private Long meetingId;

    private String resolution;

    private String rejectReason;

    private String feedback;

    private Integer satisfaction;

    private Instant createdAt;

    private Instant updatedAt;

    @Version
    private long version;

    protected ResidentIssue() {
    }

    /** Raised by a member: named, or anonymous (the reporter is then kept apart, never on the issue). */
    static ResidentIssue byMember(Report report, Long reporterPersonId, Instant now) {
        ResidentIssue issue = new ResidentIssue(report, now);
        issue.anonymous = reporterPersonId == null;
        issue.reporterPersonId = reporterPersonId;
        return issue;
    }

    /** Raised by staff (a secretary, from a visitor's word or a visit). */
    static ResidentIssue byStaff(Report report, String username, Instant now) {
        ResidentIssue issue = new ResidentIssue(report, now);
        issue.raisedBy = username;
        return issue;
    }

    private ResidentIssue(Report report, Instant now) {
        this.organizationId = report.organizationId();
        this.councilId = report.councilId();
        this.scope = report.scope();
        this.nature = report.nature();
        this.compoundId = report.compoundId();
        this.buildingId = report.buildingId();
        this.title = report.title().trim();
        this.description = report.description().trim();
        this.status = Status.NEW;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void accept(Instant now) {
        move(Status.ACCEPTED, now);
    }

    /** Who handles it and by when; while it is still open. */
    void assign(long personId, LocalDate dueOn, LocalDate today, Instant now) {
        if (!status.isOpen()) {
            throw RuleViolationException.of("issue.transition.illegal");
        }
        if (dueOn != null && dueOn.isBefore(today)) {
            throw new RuleViolationException("dueOn", "issue.due.past");
        }
        this.assigneePersonId = personId;
        this.dueOn = dueOn;
        this.updatedAt = now;
    }

    void start(Instant now) {
        move(Status.IN_PROGRESS, now);
    }

    void resolve(String resolution, Instant now) {
        move(Status.RESOLVED, now);
        this.resolution = resolution;
    }

    void reject(String reason, Instant now) {
        move(Status.REJECTED, now);
        this.rejectReason = reason;
    }

    /** The reporter's word on the outcome, and their satisfaction from 1 to 5. */
    void close(String feedback, int satisfaction, Instant now) {
        if (satisfaction < 1 || satisfaction > 5) {
            throw new RuleViolationException("satisfaction", "issue.satisfaction.range");
        }
        move(Status.CLOSED, now);
        this.feedback = feedback;
        this.satisfaction = satisfaction;
    }

    void discussedAt(long meetingId, Instant now) {
        this.meetingId = meetingId;
        this.updatedAt = now;
    }

    private void move(Status next, Instant now) {
        if (!NEXT.get(status).contains(next)) {
            throw RuleViolationException.of("issue.transition.illegal");
        }
        this.status = next;
        this.updatedAt = now;
    }

    /** Open past its due date. */
    public boolean isOverdueOn(LocalDate today) {
        return status.isOpen() && dueOn != null && dueOn.isBefore(today);
    }

    /** The steps a page offers now. */
    public boolean isAcceptable() {
        return NEXT.get(status).contains(Status.ACCEPTED);
    }

    /** Given to someone once taken on, while open. */
    public boolean isAssignable() {
        return status == Status.ACCEPTED || status == Status.IN_PROGRESS;
    }

    public boolean isStartable() {
        return NEXT.get(status).contains(Status.IN_PROGRESS);
    }

    public boolean isResolvable() {
        return NEXT.get(status).contains(Status.RESOLVED);
    }

    public boolean isRejectable() {
        return NEXT.get(status).contains(Status.REJECTED);
    }

    public boolean isClosable() {
        return NEXT.get(status).contains(Status.CLOSED);
    }

    /** Raised by a member who reported in their own name, anonymously, or by staff. */
    public boolean hasMemberReporter() {
        return anonymous || reporterPersonId != null;
    }

    public Long getId() {
        return id;
    }

    public Long getOrganizationId() {
        return organizationId;
    }

    public Long getCouncilId() {
        return councilId;
    }

    public String getScope() {
        return scope;
    }

    public String getNature() {
        return nature;
    }

    public Long getCompoundId() {
        return compoundId;
    }

    public Long getBuildingId() {
        return buildingId;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public Long getReporterPersonId() {
        return reporterPersonId;
    }

    public String getRaisedBy() {
        return raisedBy;
    }

    public Long getAssigneePersonId() {
        return assigneePersonId;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public String getResolution() {
        return resolution;
    }

    public String getRejectReason() {
        return rejectReason;
    }

    public String getFeedback() {
        return feedback;
    }

    public Integer getSatisfaction() {
        return satisfaction;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
