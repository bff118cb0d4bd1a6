package com.countyleague.orglife;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;
import com.countyleague.account.Role;
import com.countyleague.member.LeagueRoll;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 青年大学习: a week's completion list from the national platform is imported all or nothing — each row
 * matched to a League member in reach by League number, or by name within the branch it names — and the
 * completion rates by week for each branch and subtree, with the branches below the county's line.
 */
@Service
public class YouthStudy {

    /** The columns of the platform's list, by the titles it gives them. */
    private static final Map<String, Set<String>> HEADERS = Map.of(
            "name", Set.of("姓名"),
            "branch", Set.of("团支部", "所在团支部", "所属团支部", "组织", "所在组织"),
            "number", Set.of("团员编号"));
    /** How many weeks the rates show. */
    static final int WEEKS = 8;

    public record Imported(long periodId, int rows, int added) {
    }

    public record Period(long id, LocalDate startsOn, String title) {
    }

    /** A branch's completions in a week against its League members now. */
    public record Rate(long completed, long members) {
        public int percent() {
            return members == 0 ? 0 : (int) Math.min(100, completed * 100 / members);
        }
    }

    public record BranchRates(long organizationId, String name, List<Rate> weeks) {
    }

    public record View(OrganizationRef unit, int linePercent, List<Period> periods, List<Rate> subtree, List<BranchRates> branches) {
        /** The branches below the line in the newest week. */
        public List<BranchRates> below() {
            return periods.isEmpty() ? List.of() : branches.stream().filter(b -> b.weeks().get(0).percent() < linePercent).toList();
        }
    }

    private final MemberSheets sheets;
    private final LeagueRoll roll;
    private final UnitLookup units;
    private final Reach reach;
    private final Actors actors;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    YouthStudy(MemberSheets sheets, LeagueRoll roll, UnitLookup units, Reach reach, Actors actors, AuditTrail audit, JdbcClient jdbc,
               Clock clock) {
        this.sheets = sheets;
        this.roll = roll;
        this.units = units;
        this.reach = reach;
        this.actors = actors;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Imports one week's completion list (xlsx with the columns 姓名, 团支部 and, where the platform gives
     * it, 团员编号). Refused as a whole, naming each row, when any row matches nobody in the caller's reach.
     * Rows already imported are kept once. Audited.
     */
    @Transactional
    public Imported importWeek(LocalDate week, String title, byte[] xlsx) {
        reach.unit(null);
        LocalDate today = LocalDate.now(clock);
        if (week == null || week.getDayOfWeek() != DayOfWeek.MONDAY || week.isAfter(today) || week.isBefore(today.minusYears(2))) {
            throw new RuleViolationException("week", "study.week.invalid");
        }
        String name = title == null ? "" : title.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw new RuleViolationException("title", "study.title.invalid");
        }
        List<MemberSheets.Row> lines = sheets.read(xlsx, HEADERS, Set.of("name", "branch"));
        List<SheetProblem> problems = new ArrayList<>();
        Map<MemberSheets.Row, Long> matched = sheets.match(lines, null, problems);
        if (!problems.isEmpty()) {
            throw new SheetRefusedException(problems);
        }
        long period = jdbc.sql("""
                        insert into study_period (starts_on, title, created_by, created_at) values (?, ?, ?, ?)
                        on conflict (starts_on) do update set title = study_period.title returning id""")
                .params(Date.valueOf(week), name, actors.current().username(), Timestamp.from(clock.instant()))
                .query(Long.class).single();
        int added = 0;
        for (Map.Entry<MemberSheets.Row, Long> m : matched.entrySet()) {
            added += jdbc.sql("""
                            insert into study_completion (period_id, person_id, organization_id, imported_by, imported_at)
                            select ?, p.id, p.organization_id, ?, ? from person p where p.id = ?
                            on conflict do nothing""")
                    .params(period, actors.current().username(), Timestamp.from(clock.instant()), m.getValue()).update();
        }
        audit.record("IMPORT_STUDY", "study:" + week, lines.size() + " rows, " + added + " new");
        return new Imported(period, lines.size(), added);
    }

    /** The completion rates of a unit in reach and its branches, for the newest weeks; the county's line. */
    @Transactional(readOnly = true)
    public View view(Long organizationId) {
        OrganizationRef unit = reach.unit(organizationId);
        List<Period> periods = jdbc.sql("select id, starts_on, title from study_period order by starts_on desc limit ?").param(WEEKS)
                .query((rs, n) -> new Period(rs.getLong(1), rs.getDate(2).toLocalDate(), rs.getString(3))).list();
        List<Organization> branches = units.branchesWithin(unit.path());
        List<Long> ids = branches.stream().map(Organization::getId).toList();
        Map<Long, Long> members = roll.leagueMembersPerUnit(ids);
        Map<String, Long> completed = new HashMap<>();
        jdbc.sql("select period_id, organization_id, count(*) from study_completion where period_id = any(?) and organization_id = any(?) group by 1, 2")
                .params(periods.stream().map(Period::id).toArray(Long[]::new), ids.toArray(Long[]::new))
                .query(rs -> {
                    completed.put(rs.getLong(1) + ":" + rs.getLong(2), rs.getLong(3));
                });
        List<BranchRates> rates = branches.stream().map(b -> new BranchRates(b.getId(), b.getName(), periods.stream()
                .map(p -> new Rate(completed.getOrDefault(p.id() + ":" + b.getId(), 0L), members.getOrDefault(b.getId(), 0L))).toList())).toList();
        List<Rate> subtree = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            int week = i;
            subtree.add(new Rate(rates.stream().mapToLong(r -> r.weeks().get(week).completed()).sum(),
                    rates.stream().mapToLong(r -> r.weeks().get(week).members()).sum()));
        }
        return new View(unit, linePercent(), periods, subtree, rates);
    }

    /** The newest week's completions across the subtree at this path against its League members now; the caller has checked the reach. */
    Rate newestWeek(String path) {
        List<Long> ids = units.branchIdsWithin(path);
        long members = roll.leagueMembersPerUnit(ids).values().stream().mapToLong(Long::longValue).sum();
        long completed = jdbc.sql("""
                        select count(*) from study_completion
                        where organization_id = any(?) and period_id = (select id from study_period order by starts_on desc limit 1)""")
                .param(ids.toArray(Long[]::new)).query(Long.class).single();
        return new Rate(completed, members);
    }

    /** The county sets the completion rate below which a branch is listed. Audited. */
    @Transactional
    public void setLine(Integer percent) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        if (percent == null || percent < 0 || percent > 100) {
            throw new RuleViolationException("percent", "study.line.invalid");
        }
        jdbc.sql("update study_setting set line_percent = ?, version = version + 1 where id = 1").param(percent).update();
        audit.record("SET_STUDY_LINE", "study-setting", percent + "%");
    }

    int linePercent() {
        return jdbc.sql("select line_percent from study_setting where id = 1").query(Integer.class).single();
    }
}
