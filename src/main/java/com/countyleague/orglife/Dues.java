package com.countyleague.orglife;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;
import com.countyleague.account.Role;
import com.countyleague.member.LeagueRoll;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.Person;
import com.countyleague.member.PersonRow;
import com.countyleague.member.PersonStatus;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * League dues (团费): what each member of a branch pays a month by the county's bands, the payments a
 * secretary records by month, and the arrears — six months and more unpaid, or without attending any
 * meeting, is a warning of 自行脱团 for the secretary to follow up, never acted on by the system.
 */
@Service
public class Dues {

    /** Months unpaid in a row from which the secretary is warned. */
    public static final int WARNING_MONTHS = 6;
    /** How far back the arrears are counted. */
    static final int LOOKBACK_MONTHS = 12;

    /**
     * One member of the branch in a month: their band, what they pay, whether it is paid, and how many months
     * in a row, up to this one and since they joined, they have paid nothing and attended no meeting.
     */
    public record Line(long personId, String name, DuesCategory category, Integer monthlyIncomeFen, int dueFen, boolean paid,
                       int unpaidMonths, int monthsWithoutMeeting) {
        public boolean duesWarned() {
            return unpaidMonths >= WARNING_MONTHS;
        }

        public boolean lifeWarned() {
            return monthsWithoutMeeting >= WARNING_MONTHS;
        }

        /** Six months without dues or without organisational life: a warning of 自行脱团 for the secretary. */
        public boolean warned() {
            return duesWarned() || lifeWarned();
        }
    }

    public record BranchDues(OrganizationRef unit, YearMonth month, List<Line> lines, long collectedFen) {
        public long warnings() {
            return lines.stream().filter(Line::warned).count();
        }
    }

    private record Profile(DuesCategory category, Integer incomeFen) {
    }

    private final People people;
    private final BranchMembers branchMembers;
    private final LeagueRoll roll;
    private final Reach reach;
    private final Actors actors;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    Dues(People people, BranchMembers branchMembers, LeagueRoll roll, Reach reach, Actors actors, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.people = people;
        this.branchMembers = branchMembers;
        this.roll = roll;
        this.reach = reach;
        this.actors = actors;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The county's bands. */
    @Transactional(readOnly = true)
    public DuesBands bands() {
        return jdbc.sql("select income_threshold_fen, below_threshold_fen, permille, reduced_fen from dues_setting where id = 1")
                .query((rs, n) -> new DuesBands(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4))).single();
    }

    /**
     * The county admin sets the bands, in fen: the threshold, what is paid below it, the permille above it, the
     * reduced amount; a missing or impossible one refuses all. Audited.
     */
    @Transactional
    public void setBands(Integer thresholdFen, Integer belowFen, Integer permille, Integer reducedFen) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        if (thresholdFen == null || belowFen == null || permille == null || reducedFen == null || thresholdFen <= 0 || belowFen < 0
                || permille < 1 || permille > 1000 || reducedFen < 0) {
            throw RuleViolationException.of("dues.bands.invalid");
        }
        DuesBands bands = new DuesBands(thresholdFen, belowFen, permille, reducedFen);
        jdbc.sql("""
                        update dues_setting set income_threshold_fen = ?, below_threshold_fen = ?, permille = ?, reduced_fen = ?,
                            version = version + 1 where id = 1""")
                .params(thresholdFen, belowFen, permille, reducedFen).update();
        audit.record("SET_DUES_BANDS", "dues-setting", bands.toString());
    }

    /** The League members of a unit in reach (the caller's own when none is named) in a month (this one when none). */
    @Transactional(readOnly = true)
    public BranchDues branch(Long organizationId, YearMonth month) {
        OrganizationRef unit = reach.unit(organizationId);
        YearMonth asked = month == null ? YearMonth.now(clock) : month;
        List<PersonRow> members = branchMembers.of(unit.id());
        Long[] ids = members.stream().map(PersonRow::id).toArray(Long[]::new);
        Map<Long, Profile> profiles = new HashMap<>();
        jdbc.sql("select person_id, category, monthly_income_fen from dues_profile where person_id = any(?)").param(ids)
                .query(rs -> {
                    profiles.put(rs.getLong(1), new Profile(DuesCategory.valueOf(rs.getString(2)), (Integer) rs.getObject(3)));
                });
        Set<String> paid = new HashSet<>();
        jdbc.sql("select person_id, month from dues_payment where person_id = any(?) and month between ? and ?")
                .params(ids, Date.valueOf(asked.minusMonths(LOOKBACK_MONTHS - 1L).atDay(1)), Date.valueOf(asked.atDay(1)))
                .query(rs -> {
                    paid.add(rs.getLong(1) + ":" + YearMonth.from(rs.getDate(2).toLocalDate()));
                });
        Map<Long, YearMonth> lastMeeting = new HashMap<>();
        jdbc.sql("""
                        select a.person_id, max(m.held_on) from org_meeting_attendee a join org_meeting m on m.id = a.meeting_id
                        where a.person_id = any(?) and m.held_on < ? group by a.person_id""")
                .params(ids, Date.valueOf(asked.plusMonths(1).atDay(1)))
                .query(rs -> {
                    lastMeeting.put(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()));
                });
        Map<Long, LocalDate> joined = roll.joinedOn(List.of(ids));
        DuesBands bands = bands();
        List<Line> lines = members.stream().map(p -> {
            Profile profile = profiles.getOrDefault(p.id(), new Profile(DuesCategory.INCOME, null));
            YearMonth since = joined.containsKey(p.id()) ? YearMonth.from(joined.get(p.id())) : null;
            int unpaid = monthsBack(asked, since, m -> paid.contains(p.id() + ":" + m));
            YearMonth attended = lastMeeting.get(p.id());
            int withoutMeeting = monthsBack(asked, since, m -> attended != null && !m.isAfter(attended));
            return new Line(p.id(), p.name(), profile.category(), profile.incomeFen(), bands.monthlyFen(profile.category(), profile.incomeFen()),
                    paid.contains(p.id() + ":" + asked), unpaid, withoutMeeting);
        }).toList();
        long collected = jdbc.sql("select coalesce(sum(amount_fen), 0) from dues_payment where organization_id = ? and month = ?")
                .params(unit.id(), Date.valueOf(asked.atDay(1))).query(Long.class).single();
        return new BranchDues(unit, asked, lines, collected);
    }

    /** How many months in a row, back from this one, are not yet {@code done}: never before the member joined, at most the look-back. */
    private static int monthsBack(YearMonth from, YearMonth joined, Predicate<YearMonth> done) {
        int months = 0;
        while (months < LOOKBACK_MONTHS && !done.test(from.minusMonths(months)) && (joined == null || !from.minusMonths(months).isBefore(joined))) {
            months++;
        }
        return months;
    }

    /** Records a member's dues for a month, at their band's amount; each month once. Audited. */
    @Transactional
    public int record(long personId, YearMonth month) {
        Person person = member(personId);
        if (month == null || month.isAfter(YearMonth.now(clock))) {
            throw new RuleViolationException("month", "dues.month.invalid");
        }
        Profile profile = profile(personId);
        int due = bands().monthlyFen(profile.category(), profile.incomeFen());
        if (due == 0) {
            throw RuleViolationException.of("dues.nothing-due");
        }
        int stored = jdbc.sql("""
                        insert into dues_payment (person_id, organization_id, month, amount_fen, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?) on conflict (person_id, month) do nothing""")
                .params(personId, person.getOrganizationId(), Date.valueOf(month.atDay(1)), due, actors.current().username(),
                        Timestamp.from(clock.instant()))
                .update();
        if (stored == 0) {
            throw RuleViolationException.of("dues.already-paid", month.toString());
        }
        audit.record("RECORD_DUES", "person:" + personId, month + " " + due + " fen");
        return due;
    }

    /** Sets a member's band: their category and, for the income band, their monthly income after tax in fen. Audited. */
    @Transactional
    public void setProfile(long personId, DuesCategory category, Integer monthlyIncomeFen) {
        member(personId);
        if (category == null) {
            throw new RuleViolationException("category", "dues.category.required");
        }
        if (category == DuesCategory.INCOME && (monthlyIncomeFen == null || monthlyIncomeFen < 0)) {
            throw new RuleViolationException("income", "dues.income.required");
        }
        Integer income = category == DuesCategory.INCOME ? monthlyIncomeFen : null;
        jdbc.sql("""
                        insert into dues_profile (person_id, category, monthly_income_fen, updated_at, updated_by) values (?, ?, ?, ?, ?)
                        on conflict (person_id) do update set category = excluded.category, monthly_income_fen = excluded.monthly_income_fen,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(personId, category.name(), income, Timestamp.from(clock.instant()), actors.current().username())
                .update();
        audit.record("SET_DUES_BAND", "person:" + personId, category.name());
    }

    /**
     * A League member of a unit in the caller's staff reach (404 otherwise, as for every person): the
     * leader of a group the member belongs to reaches the person, not their branch's dues.
     */
    private Person member(long personId) {
        reach.require(Reach.Target.PERSON, personId);
        Person person = people.get(personId);
        if (!reach.organization(person.getOrganizationId())) {
            throw new NotFoundException("person", personId);
        }
        if (person.getLedger() != Ledger.LEAGUE_MEMBER || person.getStatus() != PersonStatus.ACTIVE) {
            throw RuleViolationException.of("dues.not-a-member");
        }
        return person;
    }

    /** What a member pays a month by their band, in fen. */
    int dueFen(long personId, DuesBands bands) {
        Profile profile = profile(personId);
        return bands.monthlyFen(profile.category(), profile.incomeFen());
    }

    private Profile profile(long personId) {
        return jdbc.sql("select category, monthly_income_fen from dues_profile where person_id = ?").param(personId)
                .query((rs, n) -> new Profile(DuesCategory.valueOf(rs.getString(1)), (Integer) rs.getObject(2)))
                .optional().orElse(new Profile(DuesCategory.INCOME, null));
    }
}
