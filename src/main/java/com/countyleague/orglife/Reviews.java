package com.countyleague.orglife;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.Reach;
import com.countyleague.member.PersonRow;
import com.countyleague.member.Registrations;
import com.countyleague.member.ReviewGrade;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 团员教育评议: once a year a branch reviews its League members at a branch assembly two thirds of them
 * attended, grades each (优秀 for at most 30 % of those reviewed), and submits the round; the committee
 * above approves it — which registers the members graded 基本合格 or better for the year — or returns it.
 */
@Service
public class Reviews {

    /** 优秀 for at most this share of the members reviewed, in percent. */
    static final int EXCELLENT_PERCENT = 30;

    public enum Status { OPEN, SUBMITTED, APPROVED, RETURNED;

        public boolean editable() {
            return this == OPEN || this == RETURNED;
        }

        public boolean returned() {
            return this == RETURNED;
        }

        /** Approved: its members are registered, or not, for the year. */
        public boolean registered() {
            return this == APPROVED;
        }
    }

    public record Round(long id, long organizationId, int year, long meetingId, int members, int attendees, Status status,
                        String decisionNote) {
        /** The most members that may be graded 优秀: 30 % of those reviewed, rounded down. */
        public int excellentLimit() {
            return excellentLimit(members);
        }

        static int excellentLimit(int members) {
            return members * EXCELLENT_PERCENT / 100;
        }
    }

    public record Line(long personId, String name, ReviewGrade grade) {
    }

    public record RoundPage(Round round, String branchName, LocalDate meetingOn, List<Line> lines, boolean mayDecide) {
        public long graded() {
            return lines.stream().filter(l -> l.grade() != null).count();
        }

        /** Those not registered once the round is approved: graded 不合格. */
        public List<Line> unregistered() {
            return lines.stream().filter(l -> l.grade() != null && !l.grade().registers()).toList();
        }
    }

    /** The fewest attendees of a meeting that let a branch of this many members hold its review: two thirds, rounded up. */
    static int quorum(int members) {
        return (members * 2 + 2) / 3;
    }

    private final Meetings meetings;
    private final BranchMembers branchMembers;
    private final Registrations registrations;
    private final UnitLookup units;
    private final Reach reach;
    private final Actors actors;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Reviews(Meetings meetings, BranchMembers branchMembers, Registrations registrations, UnitLookup units, Reach reach, Actors actors,
            AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.meetings = meetings;
        this.branchMembers = branchMembers;
        this.registrations = registrations;
        this.units = units;
        this.reach = reach;
        this.actors = actors;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens the branch's round for the year of the branch assembly it is held at: every current League member
     * of the branch is to be graded, and at least two thirds of them must have attended. Audited.
     */
    @Transactional
    public long open(long meetingId) {
        Meetings.Meeting meeting = meetings.get(meetingId);
        if (!meeting.kind().decidesForTheBranch()) {
            throw new RuleViolationException("meetingId", "review.meeting.not-assembly");
        }
        int year = meeting.heldOn().getYear();
        List<PersonRow> members = branchMembers.of(meeting.organizationId());
        if (members.isEmpty()) {
            throw new RuleViolationException("meetingId", "review.no-members");
        }
        Set<Long> came = meetings.attendeesOf(meetingId);
        int attendees = (int) members.stream().filter(p -> came.contains(p.id())).count();
        if (attendees < quorum(members.size())) {
            throw new RuleViolationException("meetingId", "review.attendance", attendees, members.size(), quorum(members.size()));
        }
        if (round(meeting.organizationId(), year).isPresent()) {
            throw new RuleViolationException("meetingId", "review.exists", year);
        }
        long id = jdbc.sql("""
                        insert into review_round (organization_id, year, meeting_id, members, attendees, status, opened_by, opened_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?, ?) on conflict (organization_id, year) do nothing returning id""")
                .params(meeting.organizationId(), year, meetingId, members.size(), attendees, actors.current().username(),
                        Timestamp.from(clock.instant()))
                .query(Long.class).optional()
                .orElseThrow(() -> new RuleViolationException("meetingId", "review.exists", year));
        members.forEach(p -> jdbc.sql("insert into review_grade (round_id, person_id) values (?, ?)").params(id, p.id()).update());
        audit.record("OPEN_REVIEW", "review:" + id, year + " " + attendees + "/" + members.size());
        return id;
    }

    /**
     * Grades members of an open (or returned) round; all or nothing. Refused when more than 30 % of those
     * reviewed would be 优秀, naming the limit. Audited.
     */
    @Transactional
    public void grade(long roundId, Map<Long, ReviewGrade> grades) {
        Round round = lockEditable(roundId);
        Map<Long, ReviewGrade> current = gradesOf(roundId);
        if (!current.keySet().containsAll(grades.keySet())) {
            throw RuleViolationException.of("review.not-in-round");
        }
        Map<Long, ReviewGrade> after = new LinkedHashMap<>(current);
        grades.forEach((person, grade) -> {
            if (grade != null) {
                after.put(person, grade);
            }
        });
        long excellent = after.values().stream().filter(g -> g == ReviewGrade.EXCELLENT).count();
        if (excellent > round.excellentLimit()) {
            throw new RuleViolationException("grades", "review.excellent-cap", EXCELLENT_PERCENT, round.members(), round.excellentLimit());
        }
        grades.forEach((person, grade) -> {
            if (grade != null) {
                jdbc.sql("update review_grade set grade = ? where round_id = ? and person_id = ?").params(grade.name(), roundId, person).update();
            }
        });
        audit.record("GRADE_REVIEW", "review:" + roundId, grades.size() + " graded, " + excellent + " excellent");
    }

    /** Submits a round to the committee above, once every member is graded. Audited. */
    @Transactional
    public void submit(long roundId) {
        lockEditable(roundId);
        long ungraded = gradesOf(roundId).values().stream().filter(g -> g == null).count();
        if (ungraded > 0) {
            throw RuleViolationException.of("review.ungraded", ungraded);
        }
        jdbc.sql("update review_round set status = 'SUBMITTED', version = version + 1 where id = ?").param(roundId).update();
        audit.record("SUBMIT_REVIEW", "review:" + roundId, "");
    }

    /** The committee above approves a submitted round: its members are registered, or not, for the year by their grades. Audited. */
    @Transactional
    public void approve(long roundId) {
        Round round = lockSubmitted(roundId);
        registrations.decide(round.year(), gradesOf(roundId));
        decide(round, Status.APPROVED, null);
    }

    /** The committee above returns a submitted round to the branch, saying why. Audited. */
    @Transactional
    public void returnRound(long roundId, String note) {
        Round round = lockSubmitted(roundId);
        String why = note == null ? "" : note.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new RuleViolationException("note", "review.return.note");
        }
        decide(round, Status.RETURNED, why);
    }

    /** A round of a branch in reach with its members and their grades. */
    @Transactional(readOnly = true)
    public RoundPage page(long roundId) {
        Round round = get(roundId);
        List<Line> lines = jdbc.sql("""
                        select g.person_id, p.name, g.grade from review_grade g join person p on p.id = g.person_id
                        where g.round_id = ? order by p.name, p.id""")
                .param(roundId)
                .query((rs, n) -> new Line(rs.getLong(1), rs.getString(2),
                        rs.getString(3) == null ? null : ReviewGrade.valueOf(rs.getString(3))))
                .list();
        String branch = units.organization(round.organizationId()).map(Organization::getName).orElse("");
        LocalDate meetingOn = meetings.get(round.meetingId()).heldOn();
        return new RoundPage(round, branch, meetingOn, lines, round.status() == Status.SUBMITTED && reach.coversUnitAbove(round.organizationId()));
    }

    /** The branch's round for a year, if opened (the branch in reach). */
    @Transactional(readOnly = true)
    public Optional<Round> of(long organizationId, int year) {
        reach.requireOrganization(organizationId);
        return round(organizationId, year);
    }

    /** Submitted rounds the caller decides: of branches below the units they reach, never their own unit's. */
    @Transactional(readOnly = true)
    public List<Round> awaitingDecision() {
        String prefix = actors.current().scopePrefix();
        if (prefix == null) {
            return List.of();
        }
        return select("r.status = 'SUBMITTED' and o.path like ? order by r.opened_at", prefix + "%").stream()
                .filter(r -> reach.coversUnitAbove(r.organizationId())).toList();
    }

    private Round get(long roundId) {
        Round round = select("r.id = ?", roundId).stream().findFirst().orElseThrow(() -> new NotFoundException("review", roundId));
        reach.requireOrganization(round.organizationId());
        return round;
    }

    private Round lockEditable(long roundId) {
        Round round = lock(roundId);
        if (!round.status().editable()) {
            throw RuleViolationException.of("review.not-editable");
        }
        return round;
    }

    private Round lockSubmitted(long roundId) {
        Round round = lock(roundId);
        if (!reach.coversUnitAbove(round.organizationId())) {
            throw new AccessDeniedException("review " + roundId + " is decided by the committee above its branch");
        }
        if (round.status() != Status.SUBMITTED) {
            throw RuleViolationException.of("review.not-submitted");
        }
        return round;
    }

    /** The round in reach, its row locked so that two requests grade or decide it one after the other. */
    private Round lock(long roundId) {
        get(roundId);
        jdbc.sql("select id from review_round where id = ? for update").param(roundId).query(Long.class).single();
        return get(roundId);
    }

    private void decide(Round round, Status status, String note) {
        jdbc.sql("update review_round set status = ?, decided_by = ?, decided_at = ?, decision_note = ?, version = version + 1 where id = ?")
                .params(status.name(), actors.current().username(), Timestamp.from(Instant.now(clock)), note, round.id()).update();
        audit.record(status == Status.APPROVED ? "APPROVE_REVIEW" : "RETURN_REVIEW", "review:" + round.id(), note == null ? "" : note);
    }

    private Map<Long, ReviewGrade> gradesOf(long roundId) {
        Map<Long, ReviewGrade> grades = new LinkedHashMap<>();
        jdbc.sql("select person_id, grade from review_grade where round_id = ?").param(roundId)
                .query(rs -> {
                    grades.put(rs.getLong(1), rs.getString(2) == null ? null : ReviewGrade.valueOf(rs.getString(2)));
                });
        return grades;
    }

    private Optional<Round> round(long organizationId, int year) {
        return select("r.organization_id = ? and r.year = ?", organizationId, year).stream().findFirst();
    }

    private List<Round> select(String where, Object... parameters) {
        return jdbc.sql("""
                        select r.id, r.organization_id, r.year, r.meeting_id, r.members, r.attendees, r.status, r.decision_note
                        from review_round r join organization o on o.id = r.organization_id where\s""" + where)
                .params(parameters)
                .query((rs, n) -> new Round(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getInt(5), rs.getInt(6),
                        Status.valueOf(rs.getString(7)), rs.getString(8)))
                .list();
    }
}
