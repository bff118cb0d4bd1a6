package com.countyleague.orglife;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.Person;
import com.countyleague.member.PersonRow;
import com.countyleague.member.PersonStatus;
import com.countyleague.member.Registrations;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 推优入党: a branch nominates a League member aged 28 or under who is registered this year; a branch
 * assembly decides the recommendation, the committee above approves or rejects it, and the branch records
 * the Party's answer. Each step is audited and kept on the member's page.
 */
@Service
public class Recommendations {

    /** The oldest a member may be recommended at. */
    static final int MAX_AGE = 28;

    public enum Status { NOMINATED, DECIDED, APPROVED, REJECTED, CONCLUDED;

        /** Awaiting the branch assembly that decides it. */
        public boolean awaitsAssembly() {
            return this == NOMINATED;
        }

        /** Sent to the Party, awaiting its answer. */
        public boolean awaitsAnswer() {
            return this == APPROVED;
        }
    }

    /** What the Party made of the recommendation: listed as an activist (入党积极分子), or not admitted. */
    public enum Outcome { ACTIVIST, NOT_ADMITTED }

    public record Recommendation(long id, long personId, String name, long organizationId, LocalDate nominatedOn, String reason,
                                 Long meetingId, LocalDate meetingOn, Status status, Outcome outcome, LocalDate outcomeOn, String note) {
    }

    private final People people;
    private final Meetings meetings;
    private final BranchMembers branchMembers;
    private final Registrations registrations;
    private final Reach reach;
    private final Actors actors;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Recommendations(People people, Meetings meetings, BranchMembers branchMembers, Registrations registrations, Reach reach, Actors actors, AuditTrail audit,
                    JdbcClient jdbc, Clock clock) {
        this.people = people;
        this.meetings = meetings;
        this.branchMembers = branchMembers;
        this.registrations = registrations;
        this.reach = reach;
        this.actors = actors;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Nominates a League member of a branch in reach: 28 or under, registered this year, none open already. Audited. */
    @Transactional
    public long nominate(long personId, String reason) {
        reach.require(Reach.Target.PERSON, personId);
        Person person = people.get(personId);
        if (!reach.organization(person.getOrganizationId())) {
            throw new NotFoundException("person", personId);
        }
        LocalDate today = LocalDate.now(clock);
        if (person.getLedger() != Ledger.LEAGUE_MEMBER || person.getStatus() != PersonStatus.ACTIVE) {
            throw new RuleViolationException("personId", "recommendation.not-a-member");
        }
        if (person.ageOn(today) > MAX_AGE) {
            throw new RuleViolationException("personId", "recommendation.too-old", MAX_AGE);
        }
        if (!registrations.registered(personId, today.getYear())) {
            throw new RuleViolationException("personId", "recommendation.not-registered", today.getYear());
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new RuleViolationException("reason", "recommendation.reason");
        }
        long id = jdbc.sql("""
                        insert into party_recommendation (person_id, organization_id, nominated_on, nominated_by, reason, status)
                        select ?, ?, ?, ?, ?, 'NOMINATED'
                        where not exists (select 1 from party_recommendation where person_id = ? and status in ('NOMINATED', 'DECIDED', 'APPROVED'))
                        returning id""")
                .params(personId, person.getOrganizationId(), Date.valueOf(today), actors.current().username(), why, personId)
                .query(Long.class).optional()
                .orElseThrow(() -> new RuleViolationException("personId", "recommendation.open"));
        audit.record("NOMINATE_FOR_PARTY", "person:" + personId, "recommendation " + id);
        return id;
    }

    /** Records the branch assembly that decided the recommendation: a 支部大会 of the member's branch, held since the nomination. Audited. */
    @Transactional
    public void decide(long id, Long meetingId) {
        Recommendation recommendation = inReach(id, Status.NOMINATED);
        if (meetingId == null) {
            throw new RuleViolationException("meetingId", "recommendation.meeting");
        }
        Meetings.Meeting meeting = meetings.get(meetingId);
        if (meeting.organizationId() != recommendation.organizationId() || !meeting.kind().decidesForTheBranch()
                || meeting.heldOn().isBefore(recommendation.nominatedOn())) {
            throw new RuleViolationException("meetingId", "recommendation.meeting");
        }
        jdbc.sql("update party_recommendation set status = 'DECIDED', meeting_id = ?, decided_at = ?, version = version + 1 where id = ?")
                .params(meetingId, Timestamp.from(clock.instant()), id).update();
        audit.record("DECIDE_RECOMMENDATION", "person:" + recommendation.personId(), "recommendation " + id + " at meeting " + meetingId);
    }

    /** The committee above the branch approves a decided recommendation, or rejects it saying why. Audited. */
    @Transactional
    public void approve(long id, boolean approved, String note) {
        Recommendation recommendation = locked(id);
        if (!reach.coversUnitAbove(recommendation.organizationId())) {
            throw new AccessDeniedException("recommendation " + id + " is approved by the committee above its branch");
        }
        expect(recommendation, Status.DECIDED);
        String why = note == null ? "" : note.strip();
        if ((!approved && why.isEmpty()) || why.length() > 500) {
            throw new RuleViolationException("note", "recommendation.note");
        }
        jdbc.sql("update party_recommendation set status = ?, approved_by = ?, approved_at = ?, note = ?, version = version + 1 where id = ?")
                .params(approved ? "APPROVED" : "REJECTED", actors.current().username(), Timestamp.from(clock.instant()),
                        why.isEmpty() ? null : why, id).update();
        audit.record(approved ? "APPROVE_RECOMMENDATION" : "REJECT_RECOMMENDATION", "person:" + recommendation.personId(),
                "recommendation " + id);
    }

    /** Records the Party's answer to an approved recommendation, on a day not yet to come. Audited. */
    @Transactional
    public void conclude(long id, Outcome outcome, LocalDate on) {
        Recommendation recommendation = inReach(id, Status.APPROVED);
        if (outcome == null) {
            throw new RuleViolationException("outcome", "recommendation.outcome.required");
        }
        if (on == null || on.isAfter(LocalDate.now(clock)) || on.isBefore(recommendation.nominatedOn())) {
            throw new RuleViolationException("on", "recommendation.outcome.day");
        }
        jdbc.sql("update party_recommendation set status = 'CONCLUDED', outcome = ?, outcome_on = ?, version = version + 1 where id = ?")
                .params(outcome.name(), Date.valueOf(on), id).update();
        audit.record("CONCLUDE_RECOMMENDATION", "person:" + recommendation.personId(), "recommendation " + id + " " + outcome);
    }

    /** A recommendation as the list shows it: the assemblies that may decide it, and whether the caller approves it. */
    public record Row(Recommendation recommendation, List<Meetings.Meeting> assemblies, boolean approves) {
    }

    /** A member who may be nominated: registered this year and 28 or under. */
    public record Candidate(long personId, String name, int age) {
    }

    public record Board(OrganizationRef unit, List<Row> rows, List<Candidate> candidates) {
    }

    /**
     * The recommendations of a unit in reach (the caller's own when none is named), open ones first, and
     * when the unit is a branch the members it may nominate.
     */
    @Transactional(readOnly = true)
    public Board board(Long organizationId) {
        OrganizationRef unit = reach.unit(organizationId);
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<Meetings.Meeting>> assemblies = new HashMap<>();
        List<Row> rows = select("o.path like ? order by case when r.status in ('NOMINATED', 'DECIDED', 'APPROVED') then 0 else 1 end, r.id desc",
                unit.path() + "%").stream()
                .map(r -> new Row(r, !r.status().awaitsAssembly() ? List.of() : assemblies.computeIfAbsent(r.organizationId(),
                        org -> meetings.assemblies(org, today.getYear()))
                        .stream().filter(m -> !m.heldOn().isBefore(r.nominatedOn())).toList(),
                        r.status() == Status.DECIDED && reach.coversUnitAbove(r.organizationId())))
                .toList();
        List<PersonRow> members = branchMembers.of(unit.id());
        Set<Long> registered = registrations.registeredAmong(members.stream().map(PersonRow::id).toList(), today.getYear());
        List<Candidate> candidates = members.stream().filter(p -> p.age() <= MAX_AGE && registered.contains(p.id()))
                .map(p -> new Candidate(p.id(), p.name(), p.age())).toList();
        return new Board(unit, rows, candidates);
    }

    /** A person's recommendations, newest first, for their page (the caller has been shown the person). */
    List<Recommendation> of(long personId) {
        return select("r.person_id = ? order by r.id desc", personId);
    }

    /** A recommendation of a branch in reach at the step expected, its row locked until the step is taken. */
    private Recommendation inReach(long id, Status expected) {
        return expect(locked(id), expected);
    }

    private Recommendation locked(long id) {
        jdbc.sql("select id from party_recommendation where id = ? for update").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("recommendation", id));
        Recommendation recommendation = select("r.id = ?", id).get(0);
        reach.requireOrganization(recommendation.organizationId());
        return recommendation;
    }

    private static Recommendation expect(Recommendation recommendation, Status expected) {
        if (recommendation.status() != expected) {
            throw RuleViolationException.of("recommendation.state");
        }
        return recommendation;
    }

    private List<Recommendation> select(String where, Object... parameters) {
        return jdbc.sql("""
                        select r.id, r.person_id, p.name, r.organization_id, r.nominated_on, r.reason, r.meeting_id, m.held_on, r.status,
                               r.outcome, r.outcome_on, r.note
                        from party_recommendation r join person p on p.id = r.person_id join organization o on o.id = r.organization_id
                        left join org_meeting m on m.id = r.meeting_id where\s""" + where)
                .params(parameters)
                .query((rs, n) -> new Recommendation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getDate(5).toLocalDate(),
                        rs.getString(6), (Long) rs.getObject(7), rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(),
                        Status.valueOf(rs.getString(9)), rs.getString(10) == null ? null : Outcome.valueOf(rs.getString(10)),
                        rs.getDate(11) == null ? null : rs.getDate(11).toLocalDate(), rs.getString(12)))
                .list();
    }
}
