package com.countyleague.activity;

import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;
import com.countyleague.web.RuleViolationException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Branches (团支部, 联合团支部) with no published activity started in the last days, counting those of
 * their groups: the dashboard's idleness figure and the list it drills into.
 */
@Service
public class IdleBranches {

    /** A branch and when its last activity started (null: never). */
    public record IdleBranch(long id, String name, Instant lastActivity) {
    }

    /** The list a dashboard figure drills into: the unit it is about and its idle branches. */
    public record IdleList(long unitId, String unitName, int days, List<IdleBranch> branches) {
    }

    /** The branches below a path with the start of their last activity ({@code l.last}): one index probe each. */
    private static final String BRANCHES = """
            from organization o
            left join lateral (select a.starts_at as last from activity a
                               where a.host_org_id = o.id and a.status = 'PUBLISHED' and a.starts_at <= :now
                               order by a.starts_at desc limit 1) l on true
            where o.path like :path || '%' and o.type in ('BRANCH', 'JOINT_BRANCH')
            """;

    private final JdbcClient jdbc;
    private final Reach reach;
    private final Clock clock;

    IdleBranches(JdbcClient jdbc, Reach reach, Clock clock) {
        this.jdbc = jdbc;
        this.reach = reach;
        this.clock = clock;
    }

    /** The idle branches below a unit the caller reaches (their own when none is named), longest idle first. */
    @Transactional(readOnly = true)
    public IdleList under(Long organizationId, int days) {
        if (days < 1 || days > 3650) {
            throw new RuleViolationException("days", "dashboard.idle.days");
        }
        OrganizationRef unit = reach.unit(organizationId);
        List<IdleBranch> branches = jdbc.sql("select o.id, o.name, l.last " + BRANCHES + " and (l.last is null or l.last < :since) order by l.last nulls first, o.path limit 500")
                .param("path", unit.path()).param("now", Timestamp.from(clock.instant()))
                .param("since", since(LocalDate.now(clock), days))
                .query((rs, n) -> new IdleBranch(rs.getLong(1), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .list();
        return new IdleList(unit.id(), unit.name(), days, branches);
    }

    /** How many branches below the path have been idle for each of the periods, in one pass. */
    long[] counts(String path, LocalDate today, int... periods) {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < periods.length; i++) {
            columns.append(i == 0 ? "" : ", ").append("count(*) filter (where l.last is null or l.last < :since").append(i).append(')');
        }
        JdbcClient.StatementSpec query = jdbc.sql("select " + columns + " " + BRANCHES)
                .param("path", path).param("now", Timestamp.from(clock.instant()));
        for (int i = 0; i < periods.length; i++) {
            query = query.param("since" + i, since(today, periods[i]));
        }
        return query.query((rs, n) -> {
            long[] counts = new long[periods.length];
            for (int i = 0; i < periods.length; i++) {
                counts[i] = rs.getLong(i + 1);
            }
            return counts;
        }).single();
    }

    private Timestamp since(LocalDate today, int days) {
        return Timestamp.from(today.minusDays(days).atStartOfDay(clock.getZone()).toInstant());
    }
}
