package com.countyleague.activity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * Something a branch or a group does, and the windows in which people may sign up, check in and
 * sign out. Owns the time rules of attendance: the windows, and how much of a presence counts as
 * service (the national volunteer system's 60 % rule).
 */
@Entity
public class Activity {

    /** Check-in opens this long before the start. */
    public static final Duration CHECK_IN_EARLY = Duration.ofMinutes(30);
    /** Signing out stays possible this long after the end. */
    public static final Duration CHECK_OUT_LATE = Duration.ofHours(2);
    /** Service counts when the member was present for at least this share of the activity, in percent. */
    public static final int PRESENCE_PERCENT = 60;

    public enum Type { VOLUNTEER_SERVICE, ORGANISATIONAL_LIFE, INTEREST, PRACTICE, COUNCIL_MEETING, RECEPTION_DAY, OTHER }

    public enum Mode { OFFLINE, ONLINE }

    /** Stored: DRAFT, PUBLISHED, CANCELLED; IN_PROGRESS and FINISHED are a published activity seen against the clock. */
    public enum Status { DRAFT, PUBLISHED, IN_PROGRESS, FINISHED, CANCELLED }

    /** What an organiser decides about an activity; the service checks reach, the entity checks the rest. */
    public record Details(Long hostOrgId, Long groupId, Type type, Mode mode, String title, String description, String place,
                          Instant startsAt, Instant endsAt, Instant signupOpensAt, Instant signupClosesAt, Integer capacity,
                          BigDecimal serviceHours) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long hostOrgId;

    private Long groupId;

    @Enumerated(EnumType.STRING)
    private Type type;

    @Enumerated(EnumType.STRING)
    private Mode mode;

    private String title;

    private String description;

    private String place;

    private Instant startsAt;

    private Instant endsAt;

    private Instant signupOpensAt;

    private Instant signupClosesAt;

    private Integer capacity;

    private BigDecimal serviceHours;

    @Enumerated(EnumType.STRING)
    private Status status;

    private byte[] checkInSecret;

    private String summary;

    private String createdBy;

    private Instant createdAt;

    @Version
    private long version;

    protected Activity() {
    }

    Activity(Details details, byte[] checkInSecret, String createdBy, Instant now) {
        apply(details);
        this.status = Status.DRAFT;
        this.checkInSecret = checkInSecret.clone();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void apply(Details d) {
        if (status == Status.CANCELLED) {
            throw RuleViolationException.of("activity.cancelled");
        }
        if (d.startsAt() == null) {
            throw new RuleViolationException("startsAt", "activity.starts.required");
        }
        if (d.endsAt() == null || !d.endsAt().isAfter(d.startsAt())) {
            throw new RuleViolationException("endsAt", "activity.ends.after-start");
        }
        if (Duration.between(d.startsAt(), d.endsAt()).compareTo(Duration.ofDays(62)) > 0) {
            throw new RuleViolationException("endsAt", "activity.ends.too-long");
        }
        if (d.signupOpensAt() != null && d.signupClosesAt() != null && !d.signupClosesAt().isAfter(d.signupOpensAt())) {
            throw new RuleViolationException("signupClosesAt", "activity.signup.closes-after-opens");
        }
        if (d.signupClosesAt() != null && d.signupClosesAt().isAfter(d.endsAt())) {
            throw new RuleViolationException("signupClosesAt", "activity.signup.closes-before-end");
        }
        if (d.serviceHours() != null && Duration.ofMinutes(d.serviceHours().multiply(BigDecimal.valueOf(60)).longValue())
                .compareTo(Duration.between(d.startsAt(), d.endsAt())) > 0) {
            throw new RuleViolationException("serviceHours", "activity.service-hours.longer-than-activity");
        }
        this.hostOrgId = d.hostOrgId();
        this.groupId = d.groupId();
        this.type = d.type();
        this.mode = d.mode();
        this.title = d.title().trim();
        this.description = blankToNull(d.description());
        this.place = blankToNull(d.place());
        this.startsAt = d.startsAt();
        this.endsAt = d.endsAt();
        this.signupOpensAt = d.signupOpensAt();
        this.signupClosesAt = d.signupClosesAt();
        this.capacity = d.capacity();
        this.serviceHours = d.serviceHours();
    }

    void publish() {
        if (status != Status.DRAFT) {
            throw RuleViolationException.of("activity.not-draft");
        }
        status = Status.PUBLISHED;
    }

    void cancel(Instant now) {
        if (status == Status.CANCELLED || statusAt(now) == Status.FINISHED) {
            throw RuleViolationException.of("activity.cannot-cancel");
        }
        status = Status.CANCELLED;
    }

    void writeSummary(String summary) {
        this.summary = blankToNull(summary);
    }

    public Status statusAt(Instant now) {
        if (status != Status.PUBLISHED) {
            return status;
        }
        if (now.isBefore(startsAt)) {
            return Status.PUBLISHED;
        }
        return now.isBefore(endsAt) ? Status.IN_PROGRESS : Status.FINISHED;
    }

    public boolean isDraft() {
        return status == Status.DRAFT;
    }

    public boolean isLive() {
        return status == Status.PUBLISHED;
    }

    public boolean isOnline() {
        return mode == Mode.ONLINE;
    }

    /** Sign-up: published, not yet over, and inside the sign-up window when one is set. */
    public boolean signupOpenAt(Instant now) {
        return isLive() && now.isBefore(endsAt)
                && (signupOpensAt == null || !now.isBefore(signupOpensAt))
                && (signupClosesAt == null || now.isBefore(signupClosesAt));
    }

    /** From half an hour before the start until the end. */
    public boolean checkInOpenAt(Instant now) {
        return isLive() && !now.isBefore(startsAt.minus(CHECK_IN_EARLY)) && !now.isAfter(endsAt);
    }

    /** From the start until two hours after the end. */
    public boolean checkOutOpenAt(Instant now) {
        return isLive() && !now.isBefore(startsAt) && !now.isAfter(endsAt.plus(CHECK_OUT_LATE));
    }

    /** Whether a time given by hand for a check-in or sign-out lies where such a time can lie. */
    /** Past the time anyone signs in or out here: what is added now is a back-fill, pending approval. */
    public boolean isRecordingClosedAt(Instant now) {
        return now.isAfter(endsAt.plus(CHECK_OUT_LATE));
    }

    boolean admitsRecordedTime(Instant at) {
        return !at.isBefore(startsAt.minus(CHECK_IN_EARLY)) && !at.isAfter(endsAt.plus(CHECK_OUT_LATE));
    }

    /**
     * Service minutes earned by a presence from {@code in} to {@code out}: the time inside the
     * activity, if it is at least 60 % of the activity, capped at the hours the activity confers;
     * none when it confers none. Travel before and after does not count.
     */
    public int serviceMinutes(Instant in, Instant out) {
        long total = Duration.between(startsAt, endsAt).toMinutes();
        Instant from = in.isAfter(startsAt) ? in : startsAt;
        Instant to = out.isBefore(endsAt) ? out : endsAt;
        long present = to.isAfter(from) ? Duration.between(from, to).toMinutes() : 0;
        if (serviceHours == null || present * 100 < total * PRESENCE_PERCENT) {
            return 0;
        }
        long cap = serviceHours.multiply(BigDecimal.valueOf(60)).longValue();
        return (int) Math.min(present, cap);
    }

    public boolean hasRoomFor(long signedUp) {
        return capacity == null || signedUp < capacity;
    }

    byte[] checkInSecret() {
        return checkInSecret.clone();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public Long getId() {
        return id;
    }

    public Long getHostOrgId() {
        return hostOrgId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Type getType() {
        return type;
    }

    public Mode getMode() {
        return mode;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getPlace() {
        return place;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public Instant getSignupOpensAt() {
        return signupOpensAt;
    }

    public Instant getSignupClosesAt() {
        return signupClosesAt;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public BigDecimal getServiceHours() {
        return serviceHours;
    }

    public String getSummary() {
        return summary;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
