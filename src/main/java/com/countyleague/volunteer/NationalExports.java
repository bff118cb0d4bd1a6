package com.countyleague.volunteer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.OrganizationDirectory;
import com.countyleague.account.Reach;
import com.countyleague.web.RuleViolationException;
import com.countyleague.web.XlsxRows;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service records sent to the national volunteer information system (全国志愿服务信息系统) in the
 * layout docs/national-export.md describes: each attendance with service time and each kept shift of
 * the people of a subtree in a period, the person by their volunteer number and never their identity
 * number (people without one are counted and left out). The system's acceptance result, imported
 * back (all rows or none), marks which records it took and which it sent back, and why.
 */
@Service
public class NationalExports {

    /** The export's header, in the order of the national system's import template. */
    public static final List<String> HEADER = List.of("记录编号", "志愿者编号", "志愿者姓名", "项目名称", "服务日期", "开始时间", "结束时间",
            "服务时长（小时）", "服务内容", "服务组织", "记录人");
    static final int MAX_BYTES = 5 * 1024 * 1024;
    static final int MAX_ROWS = 50_000;
    private static final Set<String> TAKEN = Set.of("成功", "接收", "通过", "已接收");
    private static final Set<String> SENT_BACK = Set.of("失败", "退回", "不通过", "已退回");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One service record as the export writes it. */
    public record Line(String key, long personId, String personName, String volunteerNumber, String project, LocalDate day,
                       LocalDateTime start, LocalDateTime end, int minutes, String content, String organization, String recorder) {
    }

    /** A record the national system sent back. */
    public record Rejected(String key, String personName, String reason, Instant answeredAt) {
    }

    /** The page: what a period of a subtree holds for the national system, and what it answered. */
    public record Overview(OrganizationDirectory.OrganizationRef unit, LocalDate from, LocalDate to, int records, int withoutNumber,
                           Map<String, Long> byStatus, List<Rejected> rejected) {
    }

    private final Actors actors;
    private final Reach reach;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    NationalExports(Actors actors, Reach reach, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.actors = actors;
        this.reach = reach;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Overview overview(Long under, LocalDate from, LocalDate to) {
        OrganizationDirectory.OrganizationRef unit = unit(under);
        checkPeriod(from, to);
        List<Line> lines = lines(unit.path(), from, to);
        Map<String, Long> byStatus = new HashMap<>();
        jdbc.sql("""
                        select r.status, count(*) from national_record r join person p on p.id = r.person_id
                        join organization o on o.id = p.organization_id where o.path like :prefix || '%' group by r.status""")
                .param("prefix", unit.path()).query((rs, n) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
        List<Rejected> rejected = jdbc.sql("""
                        select r.record_key, p.name, r.reason, r.answered_at from national_record r join person p on p.id = r.person_id
                        join organization o on o.id = p.organization_id
                        where r.status = 'REJECTED' and o.path like :prefix || '%' order by r.answered_at desc, r.record_key limit 200""")
                .param("prefix", unit.path())
                .query((rs, n) -> new Rejected(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant())).list();
        return new Overview(unit, from, to, (int) lines.stream().filter(l -> l.volunteerNumber() != null).count(),
                (int) lines.stream().filter(l -> l.volunteerNumber() == null).map(Line::personId).distinct().count(), byStatus, rejected);
    }

    /**
     * Writes the sheet of a subtree's records in a period that the national system has not taken yet,
     * and notes each as sent. Audited like the ledger's export.
     */
    @Transactional
    public void export(Long under, LocalDate from, LocalDate to, OutputStream out) {
        OrganizationDirectory.OrganizationRef unit = unit(under);
        checkPeriod(from, to);
        Set<String> taken = Set.copyOf(jdbc.sql("""
                        select r.record_key from national_record r join person p on p.id = r.person_id
                        join organization o on o.id = p.organization_id where r.status = 'ACCEPTED' and o.path like :prefix || '%'""")
                .param("prefix", unit.path()).query(String.class).list());
        List<Line> lines = lines(unit.path(), from, to).stream()
                .filter(l -> l.volunteerNumber() != null && !taken.contains(l.key())).toList();
        Actor actor = actors.current();
        Timestamp now = Timestamp.from(clock.instant());
        for (Line line : lines) {
            jdbc.sql("""
                            insert into national_record (record_key, person_id, status, exported_at, exported_by) values (?, ?, 'EXPORTED', ?, ?)
                            on conflict (record_key) do update set status = 'EXPORTED', reason = null, answered_at = null,
                                exported_at = excluded.exported_at, exported_by = excluded.exported_by""")
                    .params(line.key(), line.personId(), now, actor.username()).update();
        }
        audit.recordExport("NATIONAL_EXPORT", "organization:" + unit.id(), lines.size() + " records; " + from + "–" + to,
                lines.stream().map(Line::personId).distinct().toList());
        write(lines, out);
    }

    /**
     * Reads the national system's acceptance result (记录编号, 处理结果, 失败原因): every row names a record
     * sent from the caller's reach and a result the system gives, or nothing changes and the refusal
     * names the rows.
     */
    @Transactional
    public int importAcceptance(byte[] file) {
        String prefix = unit(null).path();
        if (file == null || file.length == 0 || file.length > MAX_BYTES) {
            throw new RuleViolationException("file", "national.import.file", MAX_BYTES / 1024 / 1024);
        }
        List<String[]> rows = read(file);
        List<String> problems = new ArrayList<>();
        Map<String, String[]> answers = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            int line = i + 2;
            if (row == null) {
                continue;
            }
            String key = row[0].trim().toUpperCase();
            boolean known = !key.isEmpty() && jdbc.sql("""
                            select count(*) from national_record r join person p on p.id = r.person_id
                            join organization o on o.id = p.organization_id where r.record_key = ? and o.path like ? || '%'""")
                    .params(key, prefix).query(Long.class).single() > 0;
            String result = row[1].trim();
            String reason = row[2].trim();
            if (!known) {
                problems.add(line + ":" + key);
            } else if (!TAKEN.contains(result) && !(SENT_BACK.contains(result) && !reason.isEmpty() && reason.length() <= 500)) {
                problems.add(line + ":" + result);
            } else {
                answers.put(key, new String[] {TAKEN.contains(result) ? "ACCEPTED" : "REJECTED", TAKEN.contains(result) ? null : reason});
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolationException("file", "national.import.rows", String.join("，", problems.subList(0, Math.min(10, problems.size()))));
        }
        Timestamp now = Timestamp.from(clock.instant());
        answers.forEach((key, answer) -> jdbc.sql("update national_record set status = ?, reason = ?, answered_at = ? where record_key = ?")
                .params(answer[0], answer[1], now, key).update());
        audit.record("NATIONAL_ACCEPTANCE", "organization:" + unit(null).id(), answers.size() + " records");
        return answers.size();
    }

    private OrganizationDirectory.OrganizationRef unit(Long under) {
        actors.current().requireStaff();
        return reach.unit(under);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusYears(1).isBefore(to)) {
            throw new RuleViolationException("to", "national.period.invalid");
        }
    }

    private List<Line> lines(String prefix, LocalDate from, LocalDate to) {
        String zone = clock.getZone().getId();
        return jdbc.sql("""
                        select 'A' || t.id, p.id, p.name, p.volunteer_number, a.title, (t.checked_in_at at time zone :zone)::date,
                               t.checked_in_at at time zone :zone, coalesce(t.checked_out_at, a.ends_at) at time zone :zone, t.service_minutes,
                               coalesce(a.description, a.title), host.name, a.created_by
                        from attendance t join activity a on a.id = t.activity_id join person p on p.id = t.person_id
                        join organization o on o.id = p.organization_id join organization host on host.id = a.host_org_id
                        where t.service_minutes > 0 and o.path like :prefix || '%' and t.checked_in_at >= :start and t.checked_in_at < :end
                        union all
                        select 'S' || s.id, p.id, p.name, p.volunteer_number, vp.name, s.day, s.day + sl.starts_at, s.day + sl.ends_at,
                               s.service_minutes, vp.name || '志愿服务岗值守', host.name, coalesce(s.confirmed_by, '')
                        from volunteer_shift s join volunteer_post vp on vp.id = s.post_id
                        join volunteer_slot sl on sl.post_id = s.post_id and sl.slot_no = s.slot_no
                        join person p on p.id = s.person_id join organization o on o.id = p.organization_id
                        join organization host on host.id = vp.host_org_id
                        where s.status = 'COMPLETED' and s.service_minutes > 0 and o.path like :prefix || '%' and s.day >= :from and s.day <= :to
                        order by 6, 1""")
                .param("zone", zone).param("prefix", prefix)
                .param("start", Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()))
                .param("end", Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new Line(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDate(6).toLocalDate(), rs.getTimestamp(7).toLocalDateTime(), rs.getTimestamp(8).toLocalDateTime(), rs.getInt(9),
                        rs.getString(10), rs.getString(11), rs.getString(12))).list();
    }

    private static void write(List<Line> lines, OutputStream out) {
        try (Workbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("志愿服务记录");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            sheet.createFreezePane(0, 1);
            int r = 1;
            for (Line l : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(l.key());
                row.createCell(1).setCellValue(l.volunteerNumber());
                row.createCell(2).setCellValue(l.personName());
                row.createCell(3).setCellValue(l.project());
                row.createCell(4).setCellValue(l.day().toString());
                row.createCell(5).setCellValue(TIME.format(l.start()));
                row.createCell(6).setCellValue(TIME.format(l.end()));
                row.createCell(7).setCellValue(BigDecimal.valueOf(l.minutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                        .doubleValue());
                row.createCell(8).setCellValue(l.content());
                row.createCell(9).setCellValue(l.organization());
                row.createCell(10).setCellValue(l.recorder());
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The result sheet's rows after its header (null for a blank one): 记录编号, 处理结果, 失败原因 found by
     * their header, whatever their order.
     */
    private static List<String[]> read(byte[] file) {
        List<String[]> rows = new ArrayList<>();
        int[] header = {-1, -1, -1};
        try {
            XlsxRows.read(file, (number, cells) -> {
                if (number == 1) {
                    cells.forEach((c, cell) -> {
                        String name = cell.display().trim();
                        header[0] = name.equals("记录编号") ? c : header[0];
                        header[1] = name.equals("处理结果") ? c : header[1];
                        header[2] = name.equals("失败原因") || name.equals("退回原因") ? c : header[2];
                    });
                    return;
                }
                if (number - 1 > MAX_ROWS) {
                    throw new RuleViolationException("file", "national.import.too-many", MAX_ROWS);
                }
                String[] values = new String[3];
                for (int i = 0; i < 3; i++) {
                    XlsxRows.Cell cell = cells.get(header[i]);
                    values[i] = cell == null ? "" : cell.display();
                }
                // a blank row keeps its place, so that the rows named in a refusal are the sheet's own
                while (rows.size() < number - 2) {
                    rows.add(null);
                }
                rows.add(String.join("", values).isBlank() ? null : values);
            });
        } catch (XlsxRows.Refused e) {
            throw new RuleViolationException("file", "national.import.unreadable");
        }
        if (header[0] < 0 || header[1] < 0 || header[2] < 0) {
            throw new RuleViolationException("file", "national.import.header");
        }
        return rows;
    }
}
