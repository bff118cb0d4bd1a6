package com.countyleague.group;

import com.countyleague.web.Figures;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's groups of a subtree: active groups by kind with their active members (from the group
 * summary, as of its last refresh), and the join requests waiting for a decision (live).
 */
@Component
class GroupFigures implements Figures {

    private final JdbcClient jdbc;

    GroupFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Contribution figures(Scope scope) {
        Map<String, long[]> byKind = byKind(scope);
        long[] totals = byKind.values().stream().reduce(new long[2], (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        long pending = jdbc.sql("""
                        select count(*) from group_membership m join community_group g on g.id = m.group_id
                        join organization o on o.id = g.host_org_id
                        where m.status = 'PENDING' and o.path like :path || '%'
                        """)
                .param("path", scope.path()).query(Long.class).single();
        String list = "/admin/groups?status=ACTIVE&under=" + scope.organizationId();
        List<Row> rows = Arrays.stream(GroupKind.values()).map(kind -> {
            long[] counts = byKind.getOrDefault(kind.name(), new long[2]);
            return new Row("group.kind." + kind, true, List.of(counts[0], counts[1]), list + "&kind=" + kind);
        }).toList();
        return new Contribution(List.of(new Tile(Area.TO_DO, "dashboard.todo.join-requests", pending, list),
                new Tile(Area.GROUPS, "dashboard.groups", totals[0], list),
                new Tile(Area.GROUPS, "dashboard.groups.members", totals[1], list)),
                List.of(new Table(Area.GROUPS, "groups-by-kind", "dashboard.groups.by-kind", "bar",
                        List.of("dashboard.groups", "dashboard.groups.members"), rows)));
    }

    @Override
    public void refresh() {
        jdbc.sql("refresh materialized view concurrently group_summary").update();
    }

    /** Groups and members per kind, from the summary: a few hundred rows for the whole county. */
    private Map<String, long[]> byKind(Scope scope) {
        return jdbc.sql("""
                        select s.kind, sum(s.groups), sum(s.members)
                        from group_summary s
                        where s.path like :path || '%' group by s.kind
                        """)
                .param("path", scope.path())
                .query((rs, n) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
