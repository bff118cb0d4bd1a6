package com.countyleague.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;
import com.countyleague.account.Role;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether branches hold their meetings as often as the county requires (支部大会 each quarter, 支委会 and
 * 团小组会 each month, 团课 each quarter unless the county sets otherwise): for a branch and for every
 * branch of a subtree, by month and by quarter. A period counts once it is over; the one under way is
 * due, not missed.
 */
@Service
public class Compliance {

    /** The lengths of period the county may require, in months. */
    static final List<Integer> PERIODS = List.of(1, 3, 6, 12);

    public enum State { MET, MISSED, DUE, AHEAD }

    public record Period(int number, LocalDate from, LocalDate to, int held, State state) {
    }

    public record KindLine(MeetingKind kind, int periodMonths, List<Period> periods) {
        public long missed() {
            return periods.stream().filter(p -> p.state() == State.MISSED).count();
        }
    }

    public record BranchLine(long organizationId, String name, List<KindLine> kinds) {
        public long missed() {
            return kinds.stream().mapToLong(KindLine::missed).sum();
        }

        public boolean behind() {
            return missed() > 0;
        }
    }

    /** Of the branches, how many held every meeting required for a month (or a quarter) that has begun. */
    public record Rate(int number, long met, long branches) {
        public int percent() {
            return branches == 0 ? 100 : (int) (met * 100 / branches);
        }
    }

    public record View(OrganizationRef unit, int year, LocalDate today, List<BranchLine> branches, List<Rate> months, List<Rate> quarters) {
        public List<BranchLine> behind() {
            return branches.stream().filter(BranchLine::behind).toList();
        }
    }

    private final Meetings meetings;
    private final UnitLookup units;
    private final Reach reach;
    private final Actors actors;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Compliance(Meetings meetings, UnitLookup units, Reach reach, Actors actors, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.meetings = meetings;
        this.units = units;
        this.reach = reach;
        this.actors = actors;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How often the county requires each kind of meeting, in months. */
    @Transactional(readOnly = true)
    public Map<MeetingKind, Integer> requirements() {
        Map<MeetingKind, Integer> periods = new EnumMap<>(MeetingKind.class);
        jdbc.sql("select kind, period_months from meeting_requirement")
                .query(rs -> {
                    periods.put(MeetingKind.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return periods;
    }

    /** The county admin sets how often a kind of meeting is required: every 1, 3, 6 or 12 months. Audited. */
    @Transactional
    public void require(MeetingKind kind, Integer periodMonths) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        if (kind == null) {
            throw new RuleViolationException("kind", "meeting.kind.required");
        }
        if (periodMonths == null || !PERIODS.contains(periodMonths)) {
            throw new RuleViolationException("periodMonths", "meeting.requirement.invalid");
        }
        jdbc.sql("update meeting_requirement set period_months = ?, version = version + 1 where kind = ?")
                .params(periodMonths, kind.name()).update();
        audit.record("SET_MEETING_REQUIREMENT", "meeting-requirement:" + kind, periodMonths + " months");
    }

    /** The compliance of the branches of a unit in reach (the caller's own when none is named) in a year (this one when none). */
    @Transactional(readOnly = true)
    public View view(Long organizationId, Integer year) {
        OrganizationRef unit = reach.unit(organizationId);
        LocalDate today = LocalDate.now(clock);
        int asked = year == null ? today.getYear() : year;
        if (asked < 2000 || asked > today.getYear()) {
            throw new RuleViolationException("year", "meeting.year.invalid");
        }
        List<BranchLine> lines = lines(unit.path(), asked, today);
        return new View(unit, asked, today, lines, rates(lines, 1), rates(lines, 3));
    }

    /** Every branch of the subtree at this path with its periods of the year as they stand today; the caller has checked the reach. */
    List<BranchLine> lines(String path, int year, LocalDate today) {
        List<Organization> branches = units.branchesWithin(path);
        Map<Long, Map<MeetingKind, List<LocalDate>>> held = meetings.heldBy(branches.stream().map(Organization::getId).toList(),
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        Map<MeetingKind, Integer> required = requirements();
        return branches.stream().map(b -> {
            Map<MeetingKind, List<LocalDate>> ofBranch = held.getOrDefault(b.getId(), Map.of());
            List<KindLine> kinds = required.entrySet().stream()
                    .map(r -> kindLine(r.getKey(), r.getValue(), year, today, ofBranch.getOrDefault(r.getKey(), List.of()))).toList();
            return new BranchLine(b.getId(), b.getName(), kinds);
        }).toList();
    }

    private static KindLine kindLine(MeetingKind kind, int periodMonths, int year, LocalDate today, List<LocalDate> held) {
        List<Period> periods = new ArrayList<>();
        for (int start = 1, number = 1; start <= 12; start += periodMonths, number++) {
            LocalDate from = LocalDate.of(year, start, 1);
            LocalDate to = from.plusMonths(periodMonths).minusDays(1);
            int count = (int) held.stream().filter(d -> !d.isBefore(from) && !d.isAfter(to)).count();
            State state = count > 0 ? State.MET : to.isBefore(today) ? State.MISSED : from.isAfter(today) ? State.AHEAD : State.DUE;
            periods.add(new Period(number, from, to, count, state));
        }
        return new KindLine(kind, periodMonths, periods);
    }

    /** For each period of this length that has begun: the branches that held every kind required at that length. */
    private static List<Rate> rates(List<BranchLine> lines, int periodMonths) {
        List<Rate> rates = new ArrayList<>();
        boolean anyKind = lines.stream().flatMap(l -> l.kinds().stream()).anyMatch(k -> k.periodMonths() == periodMonths);
        if (!anyKind) {
            return rates;
        }
        int periods = 12 / periodMonths;
        for (int i = 0; i < periods; i++) {
            int index = i;
            boolean begun = lines.stream().flatMap(l -> l.kinds().stream()).filter(k -> k.periodMonths() == periodMonths)
                    .anyMatch(k -> k.periods().get(index).state() != State.AHEAD);
            if (!begun) {
                break;
            }
            long met = lines.stream().filter(l -> l.kinds().stream().filter(k -> k.periodMonths() == periodMonths)
                    .allMatch(k -> k.periods().get(index).state() == State.MET)).count();
            rates.add(new Rate(i + 1, met, lines.size()));
        }
        return rates;
    }
}
