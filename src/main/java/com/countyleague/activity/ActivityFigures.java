package com.countyleague.activity;

import com.countyleague.group.CommunityGroup;
import com.countyleague.group.Groups;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.Figures;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's activities of a subtree: published activities that started in the month, their
 * attendances and service hours, twelve months of them (from the monthly summary, as of its last
 * refresh), branches with none for 30, 60 or 90 days, and the members' ratings by host and group (live).
 */
@Component
class ActivityFigures implements Figures {

    static final int[] IDLE_DAYS = {30, 60, 90};

    private final JdbcClient jdbc;
    private final IdleBranches idle;
    private final UnitLookup units;
    private final Groups groups;
    private final Clock clock;

    ActivityFigures(JdbcClient jdbc, IdleBranches idle, UnitLookup units, Groups groups, Clock clock) {
        this.jdbc = jdbc;
        this.idle = idle;
        this.units = units;
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public Contribution figures(Scope scope) {
        YearMonth first = scope.month().minusMonths(11);
        Map<String, long[]> months = months(scope.path(), first, scope.month());
        long[] month = months.getOrDefault(scope.month().toString(), new long[3]);
        String activities = "/activities?from=" + scope.monthStart() + "&to=" + scope.monthEnd().minusDays(1);
        List<Tile> tiles = new ArrayList<>(List.of(
                new Tile(Area.ACTIVITIES, "dashboard.activities", month[0], activities),
                new Tile(Area.ACTIVITIES, "dashboard.attendances", month[1], activities),
                new Tile(Area.ACTIVITIES, "dashboard.service-hours", month[2], activities)));
        long[] idleCounts = idle.counts(scope.path(), scope.today(), IDLE_DAYS);
        for (int i = 0; i < IDLE_DAYS.length; i++) {
            tiles.add(new Tile(Area.ACTIVITIES, "dashboard.idle." + IDLE_DAYS[i], idleCounts[i],
                    "/activities/idle-branches?under=" + scope.organizationId() + "&days=" + IDLE_DAYS[i]));
        }
        List<Row> rows = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(scope.month()); m = m.plusMonths(1)) {
            long[] counts = months.getOrDefault(m.toString(), new long[3]);
            rows.add(new Row(m.toString(), false, List.of(counts[0], counts[1], counts[2]),
                    "/activities?from=" + m.atDay(1) + "&to=" + m.atEndOfMonth()));
        }
        return new Contribution(tiles, List.of(
                new Table(Area.ACTIVITIES, "activities-by-month", "dashboard.activities.by-month", "line",
                        List.of("dashboard.activities", "dashboard.attendances", "dashboard.service-hours"), rows),
                new Table(Area.ACTIVITIES, "satisfaction", "dashboard.satisfaction", "bar",
                        List.of("dashboard.ratings", "dashboard.satisfied", "dashboard.unsatisfied"), satisfaction(scope, first))));
    }

    /** Ratings of the subtree's activities since a month, by the group that held them or else the host: the most rated first. */
    private List<Row> satisfaction(Scope scope, YearMonth since) {
        List<long[]> counts = jdbc.sql("""
                        select a.host_org_id, coalesce(a.group_id, 0), count(*), count(*) filter (where r.score >= 4),
                               count(*) filter (where r.score <= 2)
                        from activity_rating r join activity a on a.id = r.activity_id join organization o on o.id = a.host_org_id
                        where o.path like :path || '%' and a.starts_at >= :since
                        group by 1, 2 order by 3 desc limit 20
                        """)
                .param("path", scope.path()).param("since", Timestamp.from(since.atDay(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).list();
        Map<Long, Organization> hosts = units.organizations(counts.stream().map(c -> c[0]).collect(Collectors.toSet()));
        Map<Long, CommunityGroup> groupsById = groups.byIds(counts.stream().map(c -> c[1]).filter(id -> id != 0).collect(Collectors.toSet()));
        return counts.stream().map(c -> c[1] != 0 && groupsById.containsKey(c[1])
                ? new Row(groupsById.get(c[1]).getName(), false, List.of(c[2], c[3], c[4]), "/groups/" + c[1])
                : new Row(hosts.containsKey(c[0]) ? hosts.get(c[0]).getName() : String.valueOf(c[0]), false, List.of(c[2], c[3], c[4]),
                        "/admin/orgs/" + c[0])).toList();
    }

    /** Per month (yyyy-MM), from the summary: published activities started in it, their attendances, and whole service hours. */
    private Map<String, long[]> months(String path, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        select to_char(s.month, 'YYYY-MM'), sum(s.activities), sum(s.attendances), sum(s.service_minutes) / 60
                        from activity_month_summary s
                        where s.path like :path || '%' and s.month >= :from and s.month <= :to
                        group by 1
                        """)
                .param("path", path).param("from", Date.valueOf(from.atDay(1))).param("to", Date.valueOf(to.atDay(1)))
                .query((rs, n) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)})).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public void refresh() {
        jdbc.sql("refresh materialized view concurrently activity_month_summary").update();
    }
}
