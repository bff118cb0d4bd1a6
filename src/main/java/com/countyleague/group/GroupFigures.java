package com.countyleague.group;

import com.countyleague.web.Figures;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dashboard's groups of a subtree: active groups by kind with their active members. */
@Component
class GroupFigures implements Figures {

    private final JdbcClient jdbc;

    GroupFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Tile> tiles(Scope scope) {
        long[] counts = jdbc.sql("""
                        select count(distinct g.id) filter (where g.status = 'ACTIVE'),
                               count(m.id) filter (where g.status = 'ACTIVE' and m.status = 'ACTIVE'),
                               count(m.id) filter (where m.status = 'PENDING')
                        from community_group g join organization o on o.id = g.host_org_id
                        left join group_membership m on m.group_id = g.id and m.status in ('ACTIVE', 'PENDING')
                        where o.path like :path || '%'
                        """)
                .param("path", scope.path())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        return List.of(new Tile(Area.TO_DO, "dashboard.todo.join-requests", counts[2], "/admin/groups?status=ACTIVE"),
                new Tile(Area.GROUPS, "dashboard.groups", counts[0], "/admin/groups?status=ACTIVE"),
                new Tile(Area.GROUPS, "dashboard.groups.members", counts[1], "/admin/groups?status=ACTIVE"));
    }

    @Override
    public List<Table> tables(Scope scope) {
        Map<String, long[]> byKind = jdbc.sql("""
                        select g.kind, count(distinct g.id), count(m.id)
                        from community_group g join organization o on o.id = g.host_org_id
                        left join group_membership m on m.group_id = g.id and m.status = 'ACTIVE'
                        where o.path like :path || '%' and g.status = 'ACTIVE' group by g.kind
                        """)
                .param("path", scope.path())
                .query((rs, n) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<Row> rows = Arrays.stream(GroupKind.values()).map(kind -> {
            long[] counts = byKind.getOrDefault(kind.name(), new long[2]);
            return new Row("group.kind." + kind, true, List.of(counts[0], counts[1]), "/admin/groups?status=ACTIVE&kind=" + kind);
        }).toList();
        return List.of(new Table(Area.GROUPS, "groups-by-kind", "dashboard.groups.by-kind", "bar",
                List.of("dashboard.groups", "dashboard.groups.members"), rows));
    }
}
