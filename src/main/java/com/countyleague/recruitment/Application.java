package com.countyleague.recruitment;

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
 * Someone's application to a campaign, for one of its groups, through one channel: once per person
 * and campaign. The identity number is kept as the ledgers keep it (encrypted, indexed, masked)
 * until the applicant is approved and becomes, or is matched with, a person of the ledgers.
 */
@Entity
public class Application {

    public enum Status { SUBMITTED, NEEDS_REVIEW, APPROVED, REJECTED }

    /** Why an approval waits for the staff who reach the person its identity number belongs to. */
    public enum ReviewReason {
        /** The ledger holds that number under another name. */
        NAME_MISMATCH,
        /** The person is outside the approver's reach: only their own staff may say it is them. */
        OUTSIDE_REACH
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long campaignId;

    private Long groupId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    private String partner;

    private String name;

    private byte[] idNumberCipher;

    private String idNumberHash;

    private String idNumberMasked;

    private String mobile;

    private String workplace;

    private String skills;

    private String motivation;

    private Long nominatedByOrg;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Long personId;

    @Enumerated(EnumType.STRING)
    private ReviewReason reviewReason;

    private Long matchedPersonId;

    private Instant submittedAt;

    private Instant decidedAt;

    private String decidedBy;

    private String note;

    @Version
    private long version;

    protected Application() {
    }

    /** What an applicant (or a nominating organisation) gives. */
    public record Form(long groupId, Channel channel, String partner, String name, String idNumber, String mobile,
                       String workplace, String skills, String motivation) {
    }

    Application(long campaignId, Form form, byte[] cipher, String hash, String masked, Long nominatedByOrg, Instant now) {
        this.campaignId = campaignId;
        this.groupId = form.groupId();
        this.channel = form.channel();
        this.partner = form.partner();
        this.name = form.name();
        this.idNumberCipher = cipher;
        this.idNumberHash = hash;
        this.idNumberMasked = masked;
        this.mobile = form.mobile();
        this.workplace = form.workplace();
        this.skills = form.skills();
        this.motivation = form.motivation();
        this.nominatedByOrg = nominatedByOrg;
        this.status = Status.SUBMITTED;
        this.submittedAt = now;
    }

    void approve(long personId, String by, Instant now) {
        decide(Status.APPROVED, by, null, now);
        this.personId = personId;
    }

    void reject(String by, String note, Instant now) {
        decide(Status.REJECTED, by, note, now);
    }

    /** Nothing is merged: the application waits for the staff who reach the matched person. */
    void holdForReview(long matchedPersonId, ReviewReason reason, String by, Instant now) {
        if (status != Status.SUBMITTED) {
            throw RuleViolationException.of("application.already-decided");
        }
        this.status = Status.NEEDS_REVIEW;
        this.matchedPersonId = matchedPersonId;
        this.reviewReason = reason;
    }

    /** The person's staff confirm it is them: approved for the matched person. */
    void confirm(String by, Instant now) {
        requireUnderReview();
        this.status = Status.SUBMITTED;
        approve(matchedPersonId, by, now);
    }

    /** The person's staff say it is not them: refused, and the ledger record stays as it was. */
    void refuse(String by, String note, Instant now) {
        requireUnderReview();
        this.status = Status.SUBMITTED;
        reject(by, note, now);
    }

    private void requireUnderReview() {
        if (status != Status.NEEDS_REVIEW) {
            throw RuleViolationException.of("application.already-decided");
        }
    }

    private void decide(Status outcome, String by, String note, Instant now) {
        if (status != Status.SUBMITTED) {
            throw RuleViolationException.of("application.already-decided");
        }
        this.status = outcome;
        this.decidedBy = by;
        this.note = note;
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getGroupId() {
        return groupId;
    }

    public Channel getChannel() {
        return channel;
    }

    public String getPartner() {
        return partner;
    }

    public String getName() {
        return name;
    }

    byte[] getIdNumberCipher() {
        return idNumberCipher;
    }

    public String getIdNumberMasked() {
        return idNumberMasked;
    }

    public String getMobile() {
        return mobile;
    }

    public String getWorkplace() {
        return workplace;
    }

    public String getSkills() {
        return skills;
    }

    public String getMotivation() {
        return motivation;
    }

    public Long getNominatedByOrg() {
        return nominatedByOrg;
    }

    public Status getStatus() {
        return status;
    }

    public Long getPersonId() {
        return personId;
    }

    public ReviewReason getReviewReason() {
        return reviewReason;
    }

    public Long getMatchedPersonId() {
        return matchedPersonId;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getDecidedBy() {
        return decidedBy;
    }
}
