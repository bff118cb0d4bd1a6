package com.countyleague.points;

import com.countyleague.web.Figures;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's points bank for a subtree, counted as the points report counts them (from the
 * monthly summary, as of its last refresh; pickups waiting live): entries of
 * the subtree's units issued, redeemed (net of refunds) and expired in the month and up to its end,
 * what their entries leave outstanding at its end, and the month's redemptions by reward.
 */
@Component
class PointsFigures implements Figures {

    private final JdbcClient jdbc;
    private final Clock clock;

    PointsFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Contribution figures(Scope scope) {
        return new Contribution(tiles(scope), tables(scope));
    }

    private List<Tile> tiles(Scope scope) {
        long[] sums = jdbc.sql("""
                        select coalesce(sum(s.issued) filter (where s.month = :month), 0),
                               coalesce(sum(s.redeemed) filter (where s.month = :month), 0),
                               coalesce(sum(s.expired) filter (where s.month = :month), 0),
                               coalesce(sum(s.net) filter (where s.month <= :month), 0),
                               coalesce(sum(s.issued) filter (where s.month <= :month), 0),
                               coalesce(sum(s.redeemed) filter (where s.month <= :month), 0),
                               (select count(*) from redemption r join reward_item i on i.id = r.item_id
                                join organization p on p.id = i.provider_org_id
                                where r.status = 'RESERVED' and p.path like :path || '%')
                        from points_month_summary s
                        where s.path like :path || '%'
                        """)
                .param("path", scope.path()).param("month", Date.valueOf(scope.monthStart()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7)}).single();
        String report = "/admin/points/report?from=" + scope.monthStart() + "&to=" + scope.monthEnd().minusDays(1);
        return List.of(new Tile(Area.TO_DO, "dashboard.todo.pickups", sums[6], "/admin/points/pickup"),
                new Tile(Area.POINTS, "dashboard.points.issued", sums[0], report),
                new Tile(Area.POINTS, "dashboard.points.redeemed", sums[1], report),
                new Tile(Area.POINTS, "dashboard.points.expired", sums[2], report),
                new Tile(Area.POINTS, "dashboard.points.outstanding", sums[3], report),
                new Tile(Area.POINTS, "dashboard.points.issued-total", sums[4], "/admin/points/report"),
                new Tile(Area.POINTS, "dashboard.points.redeemed-total", sums[5], "/admin/points/report"));
    }

    private List<Table> tables(Scope scope) {
        List<Row> rows = jdbc.sql("""
                        select i.id, i.name, count(r.id), coalesce(sum(r.cost), 0)
                        from redemption r join reward_item i on i.id = r.item_id
                        join organization o on o.id = i.provider_org_id
                        where o.path like :path || '%' and r.status in ('RESERVED', 'FULFILLED')
                          and r.created_at >= :from and r.created_at < :to
                        group by i.id, i.name order by 3 desc, i.name limit 20
                        """)
                .param("path", scope.path()).param("from", start(scope.monthStart())).param("to", start(scope.monthEnd()))
                .query((rs, n) -> new Row(rs.getString(2), false, List.of(rs.getLong(3), rs.getLong(4)),
                        "/admin/points/rewards/" + rs.getLong(1) + "/edit"))
                .list();
        return List.of(new Table(Area.POINTS, "redemptions-by-reward", "dashboard.points.by-reward", "bar",
                List.of("dashboard.points.redemptions", "dashboard.points.redeemed"), rows));
    }

    @Override
    public void refresh() {
        jdbc.sql("refresh materialized view concurrently points_month_summary").update();
    }

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
