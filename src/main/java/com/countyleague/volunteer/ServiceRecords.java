package com.countyleague.volunteer;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Backfills;
import com.countyleague.member.People;
import com.countyleague.member.Person;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's volunteer service: the actual service time of activities they attended (60 % rule)
 * and of shifts they kept, their progress towards the 20 hours a year expected of a registered
 * volunteer, and the certificates issued on it, which anyone can verify by their code.
 */
@Service
public class ServiceRecords {

    /** Registered volunteers are expected to serve at least 20 hours a year. */
    public static final int YEARLY_TARGET_MINUTES = 20 * 60;
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int MAX_CONTENT = 2000;

    public enum Source { ACTIVITY, SHIFT }

    /** One piece of service: an activity attended or a shift kept. */
    public record Entry(LocalDate day, Source source, String what, int minutes) {
    }

    public record ServiceRecord(Person person, String organizationName, int year, List<Entry> entries, int minutes,
                                int percentOfTarget, List<Certificate> certificates, List<CertificateRequest> requests,
                                boolean mayIssue, LocalDate today, String noticePage) {
    }

    /** An organisation's notice page (公示): what it is about to certify, open to anyone's objection. */
    public record NoticeBoard(String organizationName, String organizationCode, List<CertificateRequest> requests, LocalDate today) {
    }

    public record CertificateDraft(LocalDate from, LocalDate to, String personInCharge, String handler, String contact) {
    }

    /** What a verifier learns: enough to trust a certificate, nothing more of the person than a masked name. */
    public record Verified(String number, String maskedName, LocalDate periodFrom, LocalDate periodTo, int serviceMinutes,
                           String issuerName, Instant issuedAt) {
    }

    private final CertificateRepository certificates;
    private final CertificateRequestRepository requests;
    private final Backfills backfills;
    private final CertificatePdf pdf;
    private final Activities activities;
    private final Rosters rosters;
    private final People people;
    private final UnitLookup units;
    private final Actors actors;
    private final AuditTrail audit;
    private final Clock clock;
    private final int noticeDays;
    private final SecureRandom random = new SecureRandom();

    ServiceRecords(CertificateRepository certificates, CertificateRequestRepository requests, Backfills backfills, CertificatePdf pdf,
                   Activities activities,
                   Rosters rosters, People people, UnitLookup units, Actors actors, AuditTrail audit, Clock clock,
                   @Value("${league.certificates.notice-days:7}") int noticeDays) {
        this.certificates = certificates;
        this.requests = requests;
        this.backfills = backfills;
        this.noticeDays = noticeDays;
        this.pdf = pdf;
        this.activities = activities;
        this.rosters = rosters;
        this.people = people;
        this.units = units;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    /** A person's service in a year: the person themself, or staff whose reach covers their branch. */
    @Transactional(readOnly = true)
    public ServiceRecord of(long personId, int year) {
        Person person = people.visible(personId);
        List<Entry> entries = entries(personId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        int minutes = entries.stream().mapToInt(Entry::minutes).sum();
        Actor actor = actors.current();
        return new ServiceRecord(person, units.organization(person.getOrganizationId()).map(Organization::getName).orElse(null), year,
                entries, minutes, Math.min(100, minutes * 100 / YEARLY_TARGET_MINUTES),
                certificates.findByPersonIdOrderByIssuedAtDesc(personId), requests.findByPersonIdOrderByRequestedAtDesc(personId),
                actor.isStaff() && !Long.valueOf(personId).equals(actor.personId()), LocalDate.now(clock),
                actor.isStaff() ? "/notices/" + issuerOf(actor).getCode() : null);
    }

    /** The caller's own record. */
    @Transactional(readOnly = true)
    public ServiceRecord mine(int year) {
        return of(actors.current().requirePerson(), year);
    }

    /**
     * Asks for a certificate of the service of a period, by staff whose reach covers the person, in the
     * name of the organisation of their account: counted now, then in public notice on that
     * organisation's page for {@code league.certificates.notice-days} days. Audited.
     */
    @Transactional
    public long request(long personId, CertificateDraft draft) {
        return request(personId, draft, LocalDate.now(clock));
    }

    /** A request whose notice began on the given day: the demo's, whose notices ran in the past. */
    long request(long personId, CertificateDraft draft, LocalDate noticeFrom) {
        Actor actor = actors.current();
        actor.requireStaff();
        Person person = people.get(personId);
        LocalDate today = LocalDate.now(clock);
        if (draft.from() == null || draft.to() == null || draft.to().isBefore(draft.from())) {
            throw new RuleViolationException("to", "certificate.period.invalid");
        }
        if (draft.to().isAfter(today) || draft.from().isBefore(draft.to().minusYears(10))) {
            throw new RuleViolationException("to", "certificate.period.range");
        }
        String personInCharge = required("personInCharge", draft.personInCharge(), 50);
        String handler = required("handler", draft.handler(), 50);
        String contact = required("contact", draft.contact(), 50);
        if (backfills.pendingOf(personId, draft.from(), draft.to()) > 0) {
            throw new RuleViolationException("from", "certificate.backfill-pending");
        }
        List<Entry> entries = entries(personId, draft.from(), draft.to());
        int minutes = entries.stream().mapToInt(Entry::minutes).sum();
        if (minutes == 0) {
            throw new RuleViolationException("from", "certificate.no-service");
        }
        Organization issuer = issuerOf(actor);
        CertificateRequest request = requests.save(new CertificateRequest(new CertificateRequest.Statement(personId, person.getName(),
                draft.from(), draft.to(), minutes, content(entries), issuer.getId(), issuer.getName(), personInCharge, handler, contact),
                noticeFrom, noticeDays, actor.username(), clock.instant()));
        audit.record("REQUEST_CERTIFICATE", "person:" + personId, minutes + " min; " + draft.from() + "–" + draft.to()
                + "; notice until " + request.getNoticeTo());
        return request.getId();
    }

    /**
     * Issues the certificate asked for once its notice has ended with no objection standing, by staff
     * reaching the person. Audited; never changed afterwards; it states its notice period.
     */
    @Transactional
    public long issue(long requestId) {
        Actor actor = actors.current();
        CertificateRequest request = reachedRequest(requestId);
        CertificateRequest.Statement s = request.statement();
        Person person = people.get(s.personId());
        LocalDate today = LocalDate.now(clock);
        request.requireIssuableOn(today);
        String number = units.organization(s.issuerOrgId()).map(Organization::getCode).orElse("DC") + "-" + today.getYear() + "-"
                + String.format("%06d", certificates.nextNumber());
        Certificate certificate = certificates.save(new Certificate(code(), number, s.personId(), s.personName(),
                person.getIdNumberMasked(), person.getVolunteerNumber(), s.periodFrom(), s.periodTo(), s.serviceMinutes(), s.content(),
                s.issuerOrgId(), s.issuerName(), s.personInCharge(), s.handler(), s.contact(), clock.instant(), actor.username(),
                request.getNoticeFrom(), request.getNoticeTo()));
        request.issued(certificate.getId(), today);
        audit.record("ISSUE_CERTIFICATE", "person:" + s.personId(), number + "; " + s.serviceMinutes() + " min; " + s.periodFrom() + "–"
                + s.periodTo());
        return certificate.getId();
    }

    /** The issuer found an objection unfounded: the request is in notice again. */
    @Transactional
    public void dismissObjection(long requestId) {
        reachedRequest(requestId).dismissObjection();
        audit.record("DISMISS_OBJECTION", "certificate-request:" + requestId, null);
    }

    @Transactional
    public void withdraw(long requestId) {
        reachedRequest(requestId).withdraw();
        audit.record("WITHDRAW_CERTIFICATE_REQUEST", "certificate-request:" + requestId, null);
    }

    /** Public: an organisation's notice page, by its code. */
    @Transactional(readOnly = true)
    public NoticeBoard notice(String organizationCode) {
        Organization issuer = byCode(organizationCode);
        LocalDate today = LocalDate.now(clock);
        return new NoticeBoard(issuer.getName(), issuer.getCode(), requests.inNotice(issuer.getId(), today), today);
    }

    /** Public: anyone who reads the notice objects to a request on it, saying who they are and why; it is held. */
    @Transactional
    public void object(String organizationCode, long requestId, String objector, String objection) {
        Organization issuer = byCode(organizationCode);
        CertificateRequest request = requests.lock(requestId).filter(r -> r.getIssuerOrgId().equals(issuer.getId()))
                .orElseThrow(() -> new NotFoundException("certificate request", requestId));
        request.object(required("objector", objector, 100), required("objection", objection, 500), LocalDate.now(clock), clock.instant());
    }

    /** A certificate, for the person themself or staff reaching them. */
    @Transactional(readOnly = true)
    public Certificate certificate(long id) {
        Certificate certificate = certificates.findById(id).orElseThrow(() -> new NotFoundException("certificate", id));
        people.visible(certificate.getPersonId());
        return certificate;
    }

    /** The certificate drawn as a PDF whose QR code leads to {@code verifyUrl}. */
    public byte[] pdf(Certificate certificate, String verifyUrl) {
        return pdf.render(certificate, verifyUrl);
    }

    /** Public: what a school or employer checking a certificate's code may learn. */
    @Transactional(readOnly = true)
    public Verified verify(String code) {
        Certificate c = certificates.findByCode(code == null ? "" : code.trim().toUpperCase())
                .orElseThrow(() -> new NotFoundException("certificate", code));
        return new Verified(c.getNumber(), c.maskedName(), c.getPeriodFrom(), c.getPeriodTo(), c.getServiceMinutes(), c.getIssuerName(),
                c.getIssuedAt());
    }

    private List<Entry> entries(long personId, LocalDate from, LocalDate to) {
        List<Entry> entries = new ArrayList<>();
        Instant start = from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        activities.servedBy(personId, start, end).forEach(s -> entries.add(new Entry(s.at().atZone(clock.getZone()).toLocalDate(),
                Source.ACTIVITY, s.title(), s.serviceMinutes())));
        rosters.keptBy(personId, from, to).forEach(k -> entries.add(new Entry(k.shift().getDay(), Source.SHIFT, k.postName(),
                k.shift().getServiceMinutes())));
        entries.sort(Comparator.comparing(Entry::day));
        return entries;
    }

    /** 服务内容: the activities and posts, with how often, in the words of the record. */
    private static String content(List<Entry> entries) {
        Map<String, Integer> activities = new LinkedHashMap<>();
        Map<String, Integer> posts = new LinkedHashMap<>();
        entries.forEach(e -> (e.source() == Source.ACTIVITY ? activities : posts).merge(e.what(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        if (!activities.isEmpty()) {
            parts.add("参加志愿服务活动" + activities.values().stream().mapToInt(Integer::intValue).sum() + "次："
                    + String.join("、", activities.keySet()));
        }
        if (!posts.isEmpty()) {
            parts.add("志愿服务岗值守" + posts.values().stream().mapToInt(Integer::intValue).sum() + "班："
                    + posts.entrySet().stream().map(p -> p.getKey() + p.getValue() + "班").collect(Collectors.joining("、")));
        }
        String content = String.join("；", parts);
        return content.length() <= MAX_CONTENT ? content : content.substring(0, MAX_CONTENT - 1) + "…";
    }

    /** A request of a person the caller reaches (404 otherwise, as for the person), locked. */
    private CertificateRequest reachedRequest(long requestId) {
        actors.current().requireStaff();
        CertificateRequest request = requests.lock(requestId).orElseThrow(() -> new NotFoundException("certificate request", requestId));
        people.get(request.getPersonId());
        return request;
    }

    /** Certificates are issued in the name of the organisation of the staff account, the county's for the county admin. */
    private Organization issuerOf(Actor actor) {
        return actor.organizationId() == null ? units.root() : units.organization(actor.organizationId()).orElseThrow();
    }

    private Organization byCode(String code) {
        Organization unit = code == null ? null : units.byCode().get(code.trim().toUpperCase(Locale.ROOT));
        if (unit == null) {
            throw new NotFoundException("organization", String.valueOf(code));
        }
        return unit;
    }

    private String code() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank() || value.trim().length() > max) {
            throw new RuleViolationException(field, "certificate.field.required", max);
        }
        return value.trim();
    }
}
