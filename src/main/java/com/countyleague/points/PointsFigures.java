package com.countyleague.points;

import com.countyleague.web.Figures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's points bank for a subtree, counted as the points report counts them: entries of
 * the subtree's units issued, redeemed (net of refunds) and expired in the month and ever, what all
 * their entries leave outstanding, and the month's redemptions by reward.
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
    public List<Tile> tiles(Scope scope) {
        long[] sums = jdbc.sql("""
                        select coalesce(sum(e.amount) filter (where e.created_at >= :from and e.created_at < :to
                                                                and (e.kind = 'EARN' or (e.kind = 'ADJUST' and e.amount > 0))), 0),
                               coalesce(sum(-e.amount) filter (where e.created_at >= :from and e.created_at < :to and e.kind = 'REDEEM'), 0)
                                 - coalesce(sum(e.amount) filter (where e.created_at >= :from and e.created_at < :to and e.kind = 'REFUND'), 0),
                               coalesce(sum(-e.amount) filter (where e.created_at >= :from and e.created_at < :to and e.kind = 'EXPIRE'), 0),
                               coalesce(sum(e.amount), 0),
                               coalesce(sum(e.amount) filter (where e.kind = 'EARN' or (e.kind = 'ADJUST' and e.amount > 0)), 0),
                               coalesce(sum(-e.amount) filter (where e.kind = 'REDEEM'), 0) - coalesce(sum(e.amount) filter (where e.kind = 'REFUND'), 0),
                               (select count(*) from redemption r join reward_item i on i.id = r.item_id
                                join organization p on p.id = i.provider_org_id
                                where r.status = 'RESERVED' and p.path like :path || '%')
                        from points_entry e join organization o on o.id = e.organization_id
                        where o.path like :path || '%'
                        """)
                .param("path", scope.path()).param("from", start(scope.monthStart())).param("to", start(scope.monthEnd()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)}).single();
        String report = "/admin/points/report?from=" + scope.monthStart() + "&to=" + scope.monthEnd().minusDays(1);
        return List.of(new Tile(Area.TO_DO, "dashboard.todo.pickups", sums[6], "/admin/points/pickup"),
                new Tile(Area.POINTS, "dashboard.points.issued", sums[0], report),
                new Tile(Area.POINTS, "dashboard.points.redeemed", sums[1], report),
                new Tile(Area.POINTS, "dashboard.points.expired", sums[2], report),
                new Tile(Area.POINTS, "dashboard.points.outstanding", sums[3], report),
                new Tile(Area.POINTS, "dashboard.points.issued-total", sums[4], "/admin/points/report"),
                new Tile(Area.POINTS, "dashboard.points.redeemed-total", sums[5], "/admin/points/report"));
    }

    @Override
    public List<Table> tables(Scope scope) {
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

    private Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
    }
}
