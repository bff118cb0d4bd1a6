package com.countyleague.member;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger list query: read straight from the table (one page and one count), filtered in SQL
 * built only from fixed fragments, with every value bound as a parameter.
 */
@Component
class PersonListing {

    private static final String COLUMNS = """
            p.id, p.name, p.gender, p.birth_date, p.id_number_masked, p.mobile, p.ledger, p.organization_id,
            p.compound_id, p.building_id, p.backbone, p.grid_roles, p.tags, p.status, p.league_post""";

    private final JdbcClient jdbc;

    PersonListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A person row before unit and building names are added. */
    record Raw(long id, String name, Gender gender, LocalDate birthDate, String idNumberMasked, String mobile,
               Ledger ledger, long organizationId, Long compoundId, Long buildingId, boolean backbone,
               Set<GridRole> gridRoles, List<String> tags, PersonStatus status, String leaguePost) {

        /** A row from a person already loaded (short lists that come from the repository). */
        static Raw of(Person p) {
            return new Raw(p.getId(), p.getName(), p.getGender(), p.getBirthDate(), p.getIdNumberMasked(), p.getMobile(),
                    p.getLedger(), p.getOrganizationId(), p.getCompoundId(), p.getBuildingId(), p.isBackbone(),
                    p.getGridRoles(), p.getTags(), p.getStatus(), p.getLeaguePost());
        }
    }

    /** The WHERE clause and its parameters for a search within the given units ({@code null}: every unit). */
    private record Where(String sql, Map<String, Object> parameters) {
    }

    List<Raw> page(PersonSearch search, Collection<Long> units, String idNumberHash, LocalDate today, long offset, int limit) {
        Where where = where(search, units, idNumberHash, today);
        return jdbc.sql("select " + COLUMNS + " from person p where " + where.sql()
                        + " order by " + search.sort().orderBy + " limit :limit offset :offset")
                .params(where.parameters()).param("limit", limit).param("offset", offset)
                .query(PersonListing::raw).list();
    }

    long count(PersonSearch search, Collection<Long> units, String idNumberHash, LocalDate today) {
        Where where = where(search, units, idNumberHash, today);
        return jdbc.sql("select count(*) from person p where " + where.sql()).params(where.parameters())
                .query(Long.class).single();
    }

    /** Every id matching the search, for exports; in list order. */
    List<Long> ids(PersonSearch search, Collection<Long> units, String idNumberHash, LocalDate today) {
        Where where = where(search, units, idNumberHash, today);
        return jdbc.sql("select p.id from person p where " + where.sql() + " order by " + search.sort().orderBy)
                .params(where.parameters()).query(Long.class).list();
    }

    private static Where where(PersonSearch search, Collection<Long> units, String idNumberHash, LocalDate today) {
        List<String> clauses = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        clauses.add("p.ledger = :ledger");
        parameters.put("ledger", search.ledger().name());
        if (units != null) {
            clauses.add(units.isEmpty() ? "false" : "p.organization_id in (:units)");
            parameters.put("units", units);
        }
        if (search.compoundId() != null) {
            clauses.add("p.compound_id = :compound");
            parameters.put("compound", search.compoundId());
        }
        if (search.buildingId() != null) {
            clauses.add("p.building_id = :building");
            parameters.put("building", search.buildingId());
        }
        if (search.ageFrom() != null) {
            clauses.add("p.birth_date <= :bornOnOrBefore");
            parameters.put("bornOnOrBefore", today.minusYears(search.ageFrom()));
        }
        if (search.ageTo() != null) {
            clauses.add("p.birth_date > :bornAfter");
            parameters.put("bornAfter", today.minusYears(search.ageTo() + 1L));
        }
        if (search.backbone() != null) {
            clauses.add("p.backbone = :backbone");
            parameters.put("backbone", search.backbone());
        }
        if (search.tag() != null && !search.tag().isBlank()) {
            clauses.add("p.tags @> array[cast(:tag as varchar)]");
            parameters.put("tag", search.tag());
        }
        if (search.gridRole() != null) {
            clauses.add("p.grid_roles @> array[cast(:gridRole as varchar)]");
            parameters.put("gridRole", search.gridRole().name());
        }
        if (search.status() != null) {
            clauses.add("p.status = :status");
            parameters.put("status", search.status().name());
        }
        if (search.registered() != null) {
            clauses.add((search.registered() ? "" : "not ")
                    + "exists (select 1 from league_registration r where r.person_id = p.id and r.year = :year and r.registered)");
            parameters.put("year", today.getYear());
        }
        String text = search.text() == null ? "" : search.text().trim();
        if (idNumberHash != null) {
            clauses.add("p.id_number_hash = :hash");
            parameters.put("hash", idNumberHash);
        } else if (text.matches("\\d{11}")) {
            clauses.add("p.mobile = :mobile");
            parameters.put("mobile", text);
        } else if (text.matches("\\d{3,10}")) {
            // the first digits of a mobile number, as people remember them: an indexed prefix match
            clauses.add("p.mobile like :mobile");
            parameters.put("mobile", text + "%");
        } else if (!text.isEmpty()) {
            clauses.add("p.name ilike :name");
            parameters.put("name", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Where(String.join(" and ", clauses), parameters);
    }

    private static Raw raw(ResultSet rs, int row) throws SQLException {
        Set<GridRole> roles = EnumSet.noneOf(GridRole.class);
        for (String role : strings(rs.getArray("grid_roles"))) {
            roles.add(GridRole.valueOf(role));
        }
        long compound = rs.getLong("compound_id");
        Long compoundId = rs.wasNull() ? null : compound;
        long building = rs.getLong("building_id");
        Long buildingId = rs.wasNull() ? null : building;
        return new Raw(rs.getLong("id"), rs.getString("name"), Gender.valueOf(rs.getString("gender")),
                rs.getObject("birth_date", LocalDate.class), rs.getString("id_number_masked"), rs.getString("mobile"),
                Ledger.valueOf(rs.getString("ledger")), rs.getLong("organization_id"), compoundId, buildingId,
                rs.getBoolean("backbone"), roles, strings(rs.getArray("tags")),
                PersonStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("league_post"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
