package com.countyleague.dashboard;

import com.countyleague.account.Actors;
import com.countyleague.books.Books;
import com.countyleague.books.PublishedHead;
import com.countyleague.account.Role;
import com.countyleague.dashboard.Dashboard.Board;
import com.countyleague.web.NotFoundException;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly report of a subtree as a workbook and a printable PDF, made from the same board the
 * dashboard shows, with the books' published heads; and the county's own, produced on the first of
 * each month and kept for a year.
 */
@Service
public class MonthlyReports {

    private static final Logger log = LoggerFactory.getLogger(MonthlyReports.class);
    static final int KEPT_MONTHS = 12;

    public enum Format { XLSX, PDF }

    public record File(String name, Format format, byte[] bytes) {
    }

    public record Stored(long id, YearMonth month, String unitName) {
    }

    private final Dashboard dashboard;
    private final Books books;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Actors actors;
    private final Clock clock;

    MonthlyReports(Dashboard dashboard, Books books, MessageSource messages, JdbcClient jdbc, Actors actors, Clock clock) {
        this.dashboard = dashboard;
        this.books = books;
        this.messages = messages;
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
    }

    /** The report of a unit in the caller's reach (their own when none is named) for a month, in the caller's language. */
    @Transactional(readOnly = true)
    public File report(Long organizationId, YearMonth month, Format format) {
        Board board = dashboard.board(organizationId, month);
        return new File("report-" + board.month() + "." + format.name().toLowerCase(Locale.ROOT), format,
                render(board, format, LocaleContextHolder.getLocale()));
    }

    /** The county's stored reports, newest first. County admins only. */
    @Transactional(readOnly = true)
    public List<Stored> stored() {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        return jdbc.sql("""
                        select r.id, r.month, o.name from monthly_report r join organization o on o.id = r.organization_id
                        order by r.month desc""")
                .query((rs, n) -> new Stored(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()), rs.getString(3))).list();
    }

    @Transactional(readOnly = true)
    public File storedFile(long id, Format format) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        return jdbc.sql("select month, " + (format == Format.XLSX ? "workbook" : "pdf") + " from monthly_report where id = ?")
                .param(id)
                .query((rs, n) -> new File("report-" + YearMonth.from(rs.getDate(1).toLocalDate()) + "." + format.name().toLowerCase(Locale.ROOT),
                        format, rs.getBytes(2)))
                .optional().orElseThrow(() -> new NotFoundException("monthly report", id));
    }

    /** On the first of each month, last month's report of the whole county; once however many instances run it. */
    @Scheduled(cron = "${league.reports.cron:0 0 3 1 * *}", zone = "${league.zone}")
    void produceLastMonth() {
        produce(YearMonth.from(LocalDate.now(clock)).minusMonths(1));
    }

    boolean produce(YearMonth month) {
        return actors.asSystem(() -> {
            dashboard.refresh();
            Board board = dashboard.board(null, month);
            Locale chinese = Locale.SIMPLIFIED_CHINESE;
            int stored = jdbc.sql("""
                            insert into monthly_report (organization_id, month, workbook, pdf, created_at) values (?, ?, ?, ?, ?)
                            on conflict (organization_id, month) do nothing""")
                    .params(board.unitId(), Date.valueOf(month.atDay(1)), render(board, Format.XLSX, chinese),
                            render(board, Format.PDF, chinese), Timestamp.from(clock.instant()))
                    .update();
            int dropped = jdbc.sql("delete from monthly_report where month < ?")
                    .param(Date.valueOf(month.minusMonths(KEPT_MONTHS - 1L).atDay(1))).update();
            log.info("Monthly report {}: {} stored, {} older than a year removed", month, stored, dropped);
            return stored == 1;
        });
    }

    private byte[] render(Board board, Format format, Locale locale) {
        Function<String, String> text = key -> messages.getMessage(key, null, key, locale);
        // the books' heads as of the month's last day (yesterday's while it runs), so the printed report carries them
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LocalDate asOf = board.month().atEndOfMonth().isBefore(yesterday) ? board.month().atEndOfMonth() : yesterday;
        List<PublishedHead> heads = books.asOf(asOf);
        return format == Format.XLSX ? ReportWorkbook.write(board, heads, text)
                : ReportPdf.write(board, heads, messages.getMessage("report.title", new Object[] {board.month()}, locale), text);
    }
}
