package com.countyleague.volunteer;

import java.time.Instant;
import java.time.LocalDate;

import com.countyleague.member.Person;
import com.countyleague.web.RuleViolationException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A certificate asked for and in public notice (公示): the person, period, hours and content as the
 * certificate will state them, shown on the issuing organisation's notice page until {@code noticeTo}.
 * An objection during the notice holds it; it is issued only after the notice with none standing.
 */
@Entity
public class CertificateRequest {

    public enum Status { NOTICE, HELD, ISSUED, WITHDRAWN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long personId;

    private String personName;

    private LocalDate periodFrom;

    private LocalDate periodTo;

    private int serviceMinutes;

    private String content;

    private Long issuerOrgId;

    private String issuerName;

    private String personInCharge;

    private String handler;

    private String contact;

    private LocalDate noticeFrom;

    private LocalDate noticeTo;

    @Enumerated(EnumType.STRING)
    private Status status;

    private String objection;

    private String objector;

    private Instant objectedAt;

    private Long certificateId;

    private String requestedBy;

    private Instant requestedAt;

    @Version
    private long version;

    protected CertificateRequest() {
    }

    /** What the certificate will state, as counted when it was asked for. */
    record Statement(long personId, String personName, LocalDate periodFrom, LocalDate periodTo, int serviceMinutes, String content, long issuerOrgId,
                     String issuerName, String personInCharge, String handler, String contact) {
    }

    CertificateRequest(Statement s, LocalDate today, int noticeDays, String requestedBy, Instant now) {
        this.personId = s.personId();
        this.personName = s.personName();
        this.periodFrom = s.periodFrom();
        this.periodTo = s.periodTo();
        this.serviceMinutes = s.serviceMinutes();
        this.content = s.content();
        this.issuerOrgId = s.issuerOrgId();
        this.issuerName = s.issuerName();
        this.personInCharge = s.personInCharge();
        this.handler = s.handler();
        this.contact = s.contact();
        this.noticeFrom = today;
        this.noticeTo = today.plusDays(noticeDays);
        this.status = Status.NOTICE;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
    }

    /** Anyone who reads the notice may object while it runs; the request is then held. */
    void object(String objector, String objection, LocalDate today, Instant now) {
        if (!isInNoticeOn(today)) {
            throw RuleViolationException.of("certificate.notice.closed");
        }
        this.status = Status.HELD;
        this.objector = objector;
        this.objection = objection;
        this.objectedAt = now;
    }

    /** The issuer has looked into the objection and found it unfounded: the notice goes on (or may be issued, if it has ended). */
    void dismissObjection() {
        if (status != Status.HELD) {
            throw RuleViolationException.of("certificate.notice.not-held");
        }
        this.status = Status.NOTICE;
    }

    void withdraw() {
        if (status == Status.ISSUED || status == Status.WITHDRAWN) {
            throw RuleViolationException.of("certificate.notice.finished");
        }
        this.status = Status.WITHDRAWN;
    }

    /** Issued once the notice has ended with no objection standing. */
    void issued(long certificateId, LocalDate today) {
        requireIssuableOn(today);
        this.status = Status.ISSUED;
        this.certificateId = certificateId;
    }

    /** Refuses, saying why, a request that may not be issued today: held, still in notice, or finished. */
    void requireIssuableOn(LocalDate today) {
        if (status == Status.HELD) {
            throw RuleViolationException.of("certificate.notice.held");
        }
        if (status != Status.NOTICE) {
            throw RuleViolationException.of("certificate.notice.finished");
        }
        if (today.isBefore(noticeTo)) {
            throw RuleViolationException.of("certificate.notice.running", noticeTo);
        }
    }

    /** On the notice page: in notice, or held by an objection, until the notice has ended. */
    public boolean isInNoticeOn(LocalDate today) {
        return (status == Status.NOTICE || status == Status.HELD) && today.isBefore(noticeTo);
    }

    public boolean isIssuableOn(LocalDate today) {
        return status == Status.NOTICE && !today.isBefore(noticeTo);
    }

    public boolean isHeld() {
        return status == Status.HELD;
    }

    public boolean isOpen() {
        return status == Status.NOTICE || status == Status.HELD;
    }

    Statement statement() {
        return new Statement(personId, personName, periodFrom, periodTo, serviceMinutes, content, issuerOrgId, issuerName, personInCharge, handler,
                contact);
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public LocalDate getPeriodFrom() {
        return periodFrom;
    }

    public LocalDate getPeriodTo() {
        return periodTo;
    }

    public int getServiceMinutes() {
        return serviceMinutes;
    }

    public String getContent() {
        return content;
    }

    public Long getIssuerOrgId() {
        return issuerOrgId;
    }

    public String getIssuerName() {
        return issuerName;
    }

    public LocalDate getNoticeFrom() {
        return noticeFrom;
    }

    public LocalDate getNoticeTo() {
        return noticeTo;
    }

    /** The notice's last day, as a notice states it (it ends at the start of {@code noticeTo}). */
    public LocalDate getNoticeLastDay() {
        return noticeTo.minusDays(1);
    }

    public Status getStatus() {
        return status;
    }

    public String getObjection() {
        return objection;
    }

    public String getObjector() {
        return objector;
    }

    public Instant getObjectedAt() {
        return objectedAt;
    }

    public Long getCertificateId() {
        return certificateId;
    }

    /** The name as the public notice shows it: 张*三. */
    public String maskedName() {
        return Person.maskName(personName);
    }

    public String getPersonName() {
        return personName;
    }
}
