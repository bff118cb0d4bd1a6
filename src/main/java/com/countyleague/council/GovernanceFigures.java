package com.countyleague.council;

import java.sql.Date;
import java.util.List;

import com.countyleague.web.Figures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's governance of a subtree, from the summaries (V32) as of their last refresh:
 * councils and those that have met in the month, residents' issues open, overdue, raised and settled
 * in the month, and the share of reporters satisfied (four or five stars).
 */
@Component
class GovernanceFigures implements Figures {

    private final JdbcClient jdbc;

    GovernanceFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Contribution figures(Scope scope) {
        long[] f = jdbc.sql("""
                        select (select count(*) from community_group g join organization o on o.id = g.host_org_id
                                where g.kind in ('YOUTH_COUNCIL', 'YOUTH_COMMITTEE') and g.status = 'ACTIVE' and o.path like :path || '%'),
                               (select count(*) from council_month_summary s where s.path like :path || '%' and s.month = :month),
                               (select coalesce(sum(open), 0) from issue_summary s where s.path like :path || '%'),
                               (select coalesce(sum(overdue), 0) from issue_summary s where s.path like :path || '%'),
                               (select coalesce(sum(raised), 0) from issue_month_summary s where s.path like :path || '%' and s.month = :month),
                               (select coalesce(sum(settled), 0) from issue_month_summary s where s.path like :path || '%' and s.month = :month),
                               (select coalesce(round(100.0 * sum(satisfied) / nullif(sum(rated), 0)), 0) from issue_summary s
                                where s.path like :path || '%')""")
                .param("path", scope.path()).param("month", Date.valueOf(scope.monthStart()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7)}).single();
        String unit = "?under=" + scope.organizationId();
        return Contribution.of(List.of(
                new Tile(Area.TO_DO, "dashboard.governance.behind", f[0] - f[1], "/admin/councils" + unit),
                new Tile(Area.TO_DO, "dashboard.governance.overdue", f[3], "/admin/issues" + unit + "&overdue=true"),
                new Tile(Area.GOVERNANCE, "dashboard.governance.councils", f[0], "/admin/councils" + unit),
                new Tile(Area.GOVERNANCE, "dashboard.governance.met", f[1], "/admin/councils" + unit),
                new Tile(Area.GOVERNANCE, "dashboard.governance.open", f[2], "/admin/issues" + unit),
                new Tile(Area.GOVERNANCE, "dashboard.governance.raised", f[4], "/admin/issues" + unit),
                new Tile(Area.GOVERNANCE, "dashboard.governance.settled", f[5], "/admin/issues" + unit + "&status=CLOSED"),
                new Tile(Area.GOVERNANCE, "dashboard.governance.satisfaction", f[6], "/admin/issues" + unit + "&status=CLOSED")));
    }

    @Override
    public void refresh() {
        jdbc.sql("refresh materialized view concurrently issue_summary").update();
        jdbc.sql("refresh materialized view concurrently issue_month_summary").update();
        jdbc.sql("refresh materialized view concurrently council_month_summary").update();
    }
}
