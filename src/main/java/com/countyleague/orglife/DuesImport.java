package com.countyleague.orglife;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A branch's dues payments from a sheet, as its treasurer kept them: all or nothing, each at the member's band. */
@Service
public class DuesImport {

    /** The columns of a payments sheet, by the titles it may give them. */
    private static final Map<String, Set<String>> SHEET_HEADERS = Map.of(
            "name", Set.of("姓名"),
            "number", Set.of("团员编号"),
            "month", Set.of("月份", "交纳月份", "缴纳月份"));
    private static final Pattern MONTH = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})(?:\\s*月)?(?:[-/.]\\d{1,2}(?:日)?)?");

    private record Payment(long personId, YearMonth month, int dueFen) {
    }

    private final Dues dues;
    private final MemberSheets sheets;
    private final UnitLookup units;
    private final Reach reach;
    private final Actors actors;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    DuesImport(Dues dues, MemberSheets sheets, UnitLookup units, Reach reach, Actors actors, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.dues = dues;
        this.sheets = sheets;
        this.units = units;
        this.reach = reach;
        this.actors = actors;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a branch's payments from a sheet (姓名, 团员编号 where known, 月份), each at the member's band:
     * all or nothing, naming every row that matches no member of the branch or no month that may be paid.
     * A month already paid is kept once. Audited.
     */
    @Transactional
    public int importPayments(Long organizationId, byte[] xlsx) {
        OrganizationRef unit = reach.unit(organizationId);
        Organization branch = units.organization(unit.id()).filter(o -> o.getType().isBranch())
                .orElseThrow(() -> new RuleViolationException("file", "meeting.branch.required"));
        List<MemberSheets.Row> rows = sheets.read(xlsx, SHEET_HEADERS, Set.of("name", "month"));
        List<SheetProblem> problems = new ArrayList<>();
        Map<MemberSheets.Row, Long> matched = sheets.match(rows, branch, problems);
        YearMonth now = YearMonth.now(clock);
        DuesBands bands = dues.bands();
        Map<Long, Integer> dueFen = new HashMap<>();
        List<Payment> payments = new ArrayList<>();
        for (MemberSheets.Row row : rows) {
            YearMonth month = month(row.get("month"));
            if (month == null || month.isAfter(now) || month.isBefore(now.minusYears(5))) {
                problems.add(new SheetProblem(row.number(), "dues.import.month", List.of(row.get("month"))));
                continue;
            }
            Long person = matched.get(row);
            if (person != null) {
                int due = dueFen.computeIfAbsent(person, p -> dues.dueFen(p, bands));
                if (due == 0) {
                    problems.add(new SheetProblem(row.number(), "dues.import.nothing-due", List.of(row.get("name"))));
                } else {
                    payments.add(new Payment(person, month, due));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(SheetProblem::row));
            throw new SheetRefusedException(problems);
        }
        int stored = 0;
        Timestamp at = Timestamp.from(clock.instant());
        for (Payment p : payments) {
            stored += jdbc.sql("""
                            insert into dues_payment (person_id, organization_id, month, amount_fen, recorded_by, recorded_at)
                            values (?, ?, ?, ?, ?, ?) on conflict (person_id, month) do nothing""")
                    .params(p.personId(), branch.getId(), Date.valueOf(p.month().atDay(1)), p.dueFen(), actors.current().username(), at).update();
        }
        audit.record("IMPORT_DUES", "organization:" + branch.getId(), rows.size() + " rows, " + stored + " new");
        return stored;
    }

    /** A month as a sheet writes it: 2026-05, 2026-5, 2026/5, 2026年5月, or a day in it. */
    private static YearMonth month(String text) {
        Matcher m = MONTH.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        int month = Integer.parseInt(m.group(2));
        return month >= 1 && month <= 12 ? YearMonth.of(Integer.parseInt(m.group(1)), month) : null;
    }
}
