package com.countyleague.activity;

import com.countyleague.web.Figures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's activities of a subtree: published activities that started in the month, their
 * attendances and service hours, twelve months of them, and branches with none for 30, 60 or 90 days.
 */
@Component
class ActivityFigures implements Figures {

    static final int[] IDLE_DAYS = {30, 60, 90};

    private final JdbcClient jdbc;
    private final IdleBranches idle;
    private final Clock clock;

    ActivityFigures(JdbcClient jdbc, IdleBranches idle, Clock clock) {
        this.jdbc = jdbc;
        this.idle = idle;
        this.clock = clock;
    }

    @Override
    public List<Tile> tiles(Scope scope) {
        long[] month = months(scope.path(), scope.month(), scope.month()).getOrDefault(scope.month().toString(), new long[3]);
        String activities = "/activities?from=" + scope.monthStart() + "&to=" + scope.monthEnd().minusDays(1);
        List<Tile> tiles = new ArrayList<>(List.of(
                new Tile(Area.ACTIVITIES, "dashboard.activities", month[0], activities),
                new Tile(Area.ACTIVITIES, "dashboard.attendances", month[1], activities),
                new Tile(Area.ACTIVITIES, "dashboard.service-hours", month[2], activities)));
        for (int days : IDLE_DAYS) {
            tiles.add(new Tile(Area.ACTIVITIES, "dashboard.idle." + days, idle.count(scope.path(), scope.today(), days),
                    "/activities/idle-branches?under=" + scope.organizationId() + "&days=" + days));
        }
        return tiles;
    }

    @Override
    public List<Table> tables(Scope scope) {
        YearMonth first = scope.month().minusMonths(11);
        Map<String, long[]> months = months(scope.path(), first, scope.month());
        List<Row> rows = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(scope.month()); m = m.plusMonths(1)) {
            long[] counts = months.getOrDefault(m.toString(), new long[3]);
            rows.add(new Row(m.toString(), false, List.of(counts[0], counts[1], counts[2]),
                    "/activities?from=" + m.atDay(1) + "&to=" + m.atEndOfMonth()));
        }
        return List.of(new Table(Area.ACTIVITIES, "activities-by-month", "dashboard.activities.by-month", "line",
                List.of("dashboard.activities", "dashboard.attendances", "dashboard.service-hours"), rows));
    }

    /** Per month (yyyy-MM): published activities started in it, their attendances, and whole service hours. */
    private Map<String, long[]> months(String path, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        select to_char(a.starts_at at time zone :zone, 'YYYY-MM'), count(distinct a.id), count(t.id),
                               coalesce(sum(t.service_minutes), 0) / 60
                        from activity a join organization o on o.id = a.host_org_id
                        left join attendance t on t.activity_id = a.id
                        where o.path like :path || '%' and a.status = 'PUBLISHED'
                          and a.starts_at >= :from and a.starts_at < :to
                        group by 1
                        """)
                .param("zone", clock.getZone().getId()).param("path", path)
                .param("from", start(from.atDay(1))).param("to", start(to.plusMonths(1).atDay(1)))
                .query((rs, n) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)})).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
