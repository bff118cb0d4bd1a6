package com.countyleague.account;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of sensitive acts: any module records here what an auditor will ask about — who
 * revealed which identity number, who exported what, who corrected a name — in the same
 * transaction as the act, so an act without its record cannot happen.
 */
@Service
public class AuditTrail {

    public record Filter(String operator, String action, String target, LocalDate from, LocalDate to) {
    }

    private final AuditRecords records;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    AuditTrail(AuditRecords records, Actors actors, JdbcClient jdbc, Clock clock, @Value("${league.zone}") ZoneId zone) {
        this.records = records;
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Records an act of the current caller.
     *
     * @param action what was done, e.g. {@code REVEAL_ID_NUMBER}
     * @param target what it was done to, e.g. {@code person:42}
     */
    @Transactional
    public void record(String action, String target, String detail) {
        save(action, target, detail);
    }

    /**
     * Records an export and whose data it held, so that each of them can later see that a list
     * carrying them left the system.
     */
    @Transactional
    public void recordExport(String action, String target, String detail, Collection<Long> personIds) {
        long auditId = save(action, target, detail).getId();
        jdbc.sql("insert into audit_export_subject (audit_id, person_ids) values (?, cast(? as bigint[]))")
                .params(auditId, personIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"))).update();
    }

    private AuditRecord save(String action, String target, String detail) {
        Actor actor = actors.current();
        HttpServletRequest request = LoginLog.currentRequest();
        return records.save(new AuditRecord(clock.instant(), actor.username(), actor.organizationId(), action, target, detail,
                request == null ? null : request.getRemoteAddr()));
    }

    /** A time staff revealed a person's identity number or exported a list holding them; the unit acted for. */
    public record Touch(Instant at, String action, String unitName) {
    }

    /** Every reveal of this person's identity number and every export that held them, newest first. */
    @Transactional(readOnly = true)
    public List<Touch> touching(long personId) {
        return jdbc.sql("""
                        select a.at, a.action, o.name from audit_log a left join organization o on o.id = a.organization_id
                        where (a.target = 'person:' || :id and a.action = 'REVEAL_ID_NUMBER')
                           or a.id in (select s.audit_id from audit_export_subject s where s.person_ids @> array[cast(:id as bigint)])
                        order by a.at desc, a.id desc""")
                .param("id", personId)
                .query((rs, n) -> new Touch(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3))).list();
    }

    @Transactional(readOnly = true)
    public Page<AuditRecord> search(Filter filter, Pageable pageable) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        String action = filter.action() == null || filter.action().isBlank() ? null : filter.action().trim();
        return records.search(Texts.containing(filter.operator()), action, Texts.containing(filter.target()),
                Days.start(filter.from(), zone), Days.end(filter.to(), zone), pageable);
    }

    /** The export's header; a sheet of the log, for an auditor who takes it away. */
    public static final List<String> EXPORT_HEADER = List.of("时间", "操作人", "单位编号", "操作", "对象", "详情", "IP");
    static final int MAX_EXPORT_ROWS = 50_000;

    /**
     * The log as an xlsx sheet for the county admin, newest first, as filtered (at most
     * {@value #MAX_EXPORT_ROWS} rows); the export is itself written to the log. The log is never
     * deleted (the database refuses it), so it holds well over the 180 days an audit asks for.
     */
    @Transactional
    public void export(Filter filter, OutputStream out) {
        Page<AuditRecord> page = search(filter, PageRequest.of(0, MAX_EXPORT_ROWS));
        record("EXPORT_AUDIT_LOG", "audit_log", page.getNumberOfElements() + " rows");
        DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet("审计日志");
            Row header = sheet.createRow(0);
            for (int c = 0; c < EXPORT_HEADER.size(); c++) {
                header.createCell(c).setCellValue(EXPORT_HEADER.get(c));
            }
            int r = 1;
            for (AuditRecord a : page) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(at.format(a.getAt()));
                row.createCell(1).setCellValue(a.getOperator());
                row.createCell(2).setCellValue(a.getOrganizationId() == null ? "" : a.getOrganizationId().toString());
                row.createCell(3).setCellValue(a.getAction());
                row.createCell(4).setCellValue(a.getTarget() == null ? "" : a.getTarget());
                row.createCell(5).setCellValue(a.getDetail() == null ? "" : a.getDetail());
                row.createCell(6).setCellValue(a.getIp() == null ? "" : a.getIp());
            }
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
