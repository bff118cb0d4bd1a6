package com.countyleague.org;

import com.countyleague.web.Figures;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dashboard's count of units below a unit, by type (the county root itself not counted). */
@Component
class OrganizationFigures implements Figures {

    private final JdbcClient jdbc;

    OrganizationFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Contribution figures(Scope scope) {
        Map<String, Long> byType = jdbc.sql("""
                        select type, count(*) from organization
                        where path like :path || '%' and id <> :unit group by type
                        """)
                .param("path", scope.path()).param("unit", scope.organizationId())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return Contribution.of(Arrays.stream(OrganizationType.values())
                .filter(type -> type != OrganizationType.COUNTY_COMMITTEE)
                .map(type -> new Tile(Area.ORGANISATIONS, "org.type." + type, byType.getOrDefault(type.name(), 0L),
                        "/admin/orgs?under=" + scope.organizationId() + "&type=" + type))
                .toList());
    }
}
