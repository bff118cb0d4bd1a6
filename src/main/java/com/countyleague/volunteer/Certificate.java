package com.countyleague.volunteer;

import java.time.Instant;
import java.time.LocalDate;

import com.countyleague.member.Person;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * 志愿服务记录证明, as issued: everything 民发〔2015〕149号 asks a certificate to state, kept unchanged
 * (the database refuses updates), so the PDF and the public verification always say the same.
 */
@Entity
@Table(name = "service_certificate")
public class Certificate {

    public static final String ID_TYPE = "居民身份证";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String number;

    private Long personId;

    private String personName;

    private String idType;

    private String idNumberMasked;

    private String volunteerNumber;

    private LocalDate periodFrom;

    private LocalDate periodTo;

    private int serviceMinutes;

    private String content;

    private Long issuerOrgId;

    private String issuerName;

    private String personInCharge;

    private String handler;

    private String contact;

    private Instant issuedAt;

    private String issuedBy;

    /** The public notice it went through (none for those issued before the rule). */
    private LocalDate noticeFrom;

    private LocalDate noticeTo;

    protected Certificate() {
    }

    Certificate(String code, String number, long personId, String personName, String idNumberMasked, String volunteerNumber,
                LocalDate periodFrom,
                LocalDate periodTo, int serviceMinutes, String content, long issuerOrgId, String issuerName, String personInCharge,
                String handler, String contact, Instant issuedAt, String issuedBy, LocalDate noticeFrom, LocalDate noticeTo) {
        this.code = code;
        this.number = number;
        this.personId = personId;
        this.personName = personName;
        this.idType = ID_TYPE;
        this.idNumberMasked = idNumberMasked;
        this.volunteerNumber = volunteerNumber;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.serviceMinutes = serviceMinutes;
        this.content = content;
        this.issuerOrgId = issuerOrgId;
        this.issuerName = issuerName;
        this.personInCharge = personInCharge;
        this.handler = handler;
        this.contact = contact;
        this.issuedAt = issuedAt;
        this.issuedBy = issuedBy;
        this.noticeFrom = noticeFrom;
        this.noticeTo = noticeTo;
    }

    /** The name as a verifier sees it: 张*三, 李*. */
    public String maskedName() {
        return Person.maskName(personName);
    }

    public Long getId() {
        return id;
    }

    public LocalDate getNoticeFrom() {
        return noticeFrom;
    }

    public LocalDate getNoticeTo() {
        return noticeTo;
    }

    public String getCode() {
        return code;
    }

    public String getNumber() {
        return number;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getPersonName() {
        return personName;
    }

    public String getIdType() {
        return idType;
    }

    /** The national volunteer number the person held when the certificate was issued, if any. */
    public String getVolunteerNumber() {
        return volunteerNumber;
    }

    public String getIdNumberMasked() {
        return idNumberMasked;
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

    public String getPersonInCharge() {
        return personInCharge;
    }

    public String getHandler() {
        return handler;
    }

    public String getContact() {
        return contact;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
