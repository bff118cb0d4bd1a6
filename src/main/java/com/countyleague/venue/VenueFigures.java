package com.countyleague.venue;

import com.countyleague.web.Figures;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's places of a subtree: its venues and Youth Homes, this week's confirmed bookings,
 * the share of located compounds within a Youth Home's walking distance (from the coverage summary,
 * as of its last refresh), and tool loans past their due date (live).
 */
@Component
class VenueFigures implements Figures {

    private final JdbcClient jdbc;
    private final Clock clock;

    VenueFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Contribution figures(Scope scope) {
        LocalDate monday = scope.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        long[] counts = jdbc.sql("""
                        select count(*), count(*) filter (where v.kind in ('YOUTH_HOME_FLAGSHIP', 'YOUTH_HOME_FUNCTION')),
                               (select count(*) from venue_booking b join venue w on w.id = b.venue_id
                                join organization u on u.id = w.organization_id
                                where u.path like :path || '%' and b.status = 'CONFIRMED' and b.starts_at >= :from and b.starts_at < :to),
                               (select count(*) from tool_loan l join tool_item i on i.id = l.item_id join venue w on w.id = i.venue_id
                                join organization u on u.id = w.organization_id
                                where u.path like :path || '%' and l.status = 'LENT' and l.due_on < :today),
                               (select count(*) from compound_coverage_summary s where s.path like :path || '%'),
                               (select count(*) from compound_coverage_summary s where s.path like :path || '%' and s.covered)
                        from venue v join organization o on o.id = v.organization_id
                        where o.path like :path || '%'
                        """)
                .param("path", scope.path()).param("today", Date.valueOf(scope.today()))
                .param("from", Timestamp.from(monday.atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(monday.plusDays(7).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)})
                .single();
        long percent = counts[4] == 0 ? 0 : Math.round(100.0 * counts[5] / counts[4]);
        String coverage = "/admin/venues/coverage?under=" + scope.organizationId();
        return Contribution.of(List.of(
                new Tile(Area.TO_DO, "dashboard.places.overdue-loans", counts[3], "/admin/venues"),
                new Tile(Area.PLACES, "dashboard.places.venues", counts[0], "/admin/venues"),
                new Tile(Area.PLACES, "dashboard.places.youth-homes", counts[1], "/admin/venues"),
                new Tile(Area.PLACES, "dashboard.places.bookings", counts[2], "/admin/venues"),
                new Tile(Area.PLACES, "dashboard.places.coverage", percent, coverage)));
    }

    @Override
    public void refresh() {
        jdbc.sql("refresh materialized view concurrently compound_coverage_summary").update();
    }
}
