package com.countyleague.council;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.countyleague.web.Figures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's governance of a subtree, counted live on their indexes: councils and those that
 * have met in the month, residents' issues open, overdue, raised and settled in the month, and the
 * share of reporters satisfied (four or five stars).
 */
@Component
class GovernanceFigures implements Figures {

    private final JdbcClient jdbc;
    private final Clock clock;

    GovernanceFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Contribution figures(Scope scope) {
        Timestamp from = Timestamp.from(scope.monthStart().atStartOfDay(clock.getZone()).toInstant());
        Timestamp to = Timestamp.from(scope.monthEnd().atStartOfDay(clock.getZone()).toInstant());
        long[] councils = jdbc.sql("""
                        select count(*),
                               count(*) filter (where exists (select 1 from activity a where a.group_id = g.id and a.type = 'COUNCIL_MEETING'
                                                              and a.status = 'PUBLISHED' and a.starts_at >= :from and a.starts_at < :to
                                                              and a.starts_at <= :now))
                        from community_group g join organization o on o.id = g.host_org_id
                        where g.kind in ('YOUTH_COUNCIL', 'YOUTH_COMMITTEE') and g.status = 'ACTIVE' and o.path like :path || '%'""")
                .param("path", scope.path()).param("from", from).param("to", to).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        long[] issues = jdbc.sql("""
                        select count(*) filter (where i.status in ('NEW', 'ACCEPTED', 'IN_PROGRESS')),
                               count(*) filter (where i.status in ('NEW', 'ACCEPTED', 'IN_PROGRESS') and i.due_on < :today),
                               count(*) filter (where i.created_at >= :from and i.created_at < :to),
                               count(*) filter (where i.status in ('RESOLVED', 'CLOSED') and i.updated_at >= :from and i.updated_at < :to),
                               coalesce(round(100.0 * count(*) filter (where i.satisfaction >= 4) / nullif(count(i.satisfaction), 0)), 0)
                        from resident_issue i join organization o on o.id = i.organization_id
                        where o.path like :path || '%'""")
                .param("path", scope.path()).param("today", Date.valueOf(scope.today())).param("from", from).param("to", to)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).single();
        String unit = "?under=" + scope.organizationId();
        return Contribution.of(List.of(
                new Tile(Area.TO_DO, "dashboard.governance.behind", councils[0] - councils[1], "/admin/councils" + unit),
                new Tile(Area.TO_DO, "dashboard.governance.overdue", issues[1], "/admin/issues" + unit + "&overdue=true"),
                new Tile(Area.GOVERNANCE, "dashboard.governance.councils", councils[0], "/admin/councils" + unit),
                new Tile(Area.GOVERNANCE, "dashboard.governance.met", councils[1], "/admin/councils" + unit),
                new Tile(Area.GOVERNANCE, "dashboard.governance.open", issues[0], "/admin/issues" + unit),
                new Tile(Area.GOVERNANCE, "dashboard.governance.raised", issues[2], "/admin/issues" + unit),
                new Tile(Area.GOVERNANCE, "dashboard.governance.settled", issues[3], "/admin/issues" + unit + "&status=CLOSED"),
                new Tile(Area.GOVERNANCE, "dashboard.governance.satisfaction", issues[4], "/admin/issues" + unit + "&status=CLOSED")));
    }
}
