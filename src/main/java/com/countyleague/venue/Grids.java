package com.countyleague.venue;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.Groups;
import com.countyleague.member.GridRole;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.org.Compound;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grids (网格): the compounds a grid covers (each in one grid at most), who holds its roles (网格员,
 * 信息员, 宣传员 — the flags a person already carries, each bound to one grid), and the teams that
 * report in to it (报到). A grid is run by a unit; staff who reach the unit shape it.
 */
@Service
public class Grids {

    static final int MAX_NAME = 100;

    public record GridRow(long id, String name, String unitName, long compounds, long roleHolders, long teams) {
    }

    public record Holder(PersonCard person, GridRole role) {
    }

    public record Team(CommunityGroup group, String reportedAt) {
    }

    /** A grid as its page shows it, with what may be added: compounds, people who hold a grid role there, teams. */
    public record GridPage(long id, String name, String unitName, List<Compound> compounds, List<Holder> holders, List<Team> teams,
                           List<Compound> assignable, List<PersonCard> candidates, List<CommunityGroup> reportable, boolean manager) {
    }

    private final JdbcClient jdbc;
    private final UnitLookup units;
    private final People people;
    private final Groups groups;
    private final Actors actors;
    private final Reach reach;
    private final Clock clock;

    Grids(JdbcClient jdbc, UnitLookup units, People people, Groups groups, Actors actors, Reach reach, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.people = people;
        this.groups = groups;
        this.actors = actors;
        this.reach = reach;
        this.clock = clock;
    }

    /** The grids run by units in the caller's reach. */
    @Transactional(readOnly = true)
    public List<GridRow> inReach() {
        Actor actor = actors.current();
        actor.requireStaff();
        return jdbc.sql("""
                        select g.id, g.name, o.name,
                               (select count(*) from grid_compound c where c.grid_id = g.id),
                               (select count(*) from grid_role r where r.grid_id = g.id),
                               (select count(*) from grid_team t where t.grid_id = g.id)
                        from grid g join organization o on o.id = g.organization_id
                        where o.path like :path || '%' order by g.name""")
                .param("path", actor.scopePrefix())
                .query((rs, n) -> new GridRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)))
                .list();
    }

    @Transactional
    public long create(String name, Long organizationId) {
        actors.current().requireStaff();
        if (organizationId == null) {
            throw new RuleViolationException("organizationId", "venue.manager.required");
        }
        reach.requireOrganization(organizationId);
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new RuleViolationException("name", "grid.name.invalid", MAX_NAME);
        }
        if (jdbc.sql("select exists (select 1 from grid where name = ?)").param(name.strip()).query(Boolean.class).single()) {
            throw new RuleViolationException("name", "grid.name.taken");
        }
        return jdbc.sql("insert into grid (name, organization_id, created_at) values (?, ?, ?) returning id")
                .params(name.strip(), organizationId, Timestamp.from(clock.instant())).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public GridPage page(long gridId) {
        OrganizationRef unit = unitOf(gridId);
        boolean manager = reach.covers(unit.path());
        if (!manager && !leadsWithin(unit)) {
            reach.requireOrganization(unit.id());
        }
        String name = jdbc.sql("select name from grid where id = ?").param(gridId).query(String.class).single();
        List<Long> compoundIds = jdbc.sql("select compound_id from grid_compound where grid_id = ? order by compound_id").param(gridId)
                .query(Long.class).list();
        List<Compound> compounds = compoundIds.stream().map(id -> units.compound(id).orElseThrow()).toList();
        List<Map.Entry<Long, GridRole>> roles = jdbc.sql("select person_id, role from grid_role where grid_id = ? order by role, person_id")
                .param(gridId).query((rs, n) -> Map.entry(rs.getLong(1), GridRole.valueOf(rs.getString(2)))).list();
        Map<Long, PersonCard> cards = people.cards(roles.stream().map(Map.Entry::getKey).distinct().toList());
        List<Map.Entry<Long, Timestamp>> teamRows = jdbc.sql("select group_id, reported_at from grid_team where grid_id = ? order by reported_at")
                .param(gridId).query((rs, n) -> Map.entry(rs.getLong(1), rs.getTimestamp(2))).list();
        Map<Long, CommunityGroup> teams = groups.byIds(teamRows.stream().map(Map.Entry::getKey).toList());
        // the compounds of the unit's branches that no grid covers yet, to add
        List<Compound> assignable = manager ? jdbc.sql("""
                        select c.id from compound c join organization o on o.id = c.branch_id
                        where o.path like ? || '%' and not exists (select 1 from grid_compound g where g.compound_id = c.id)
                        order by c.name limit 500""")
                .param(unit.path()).query(Long.class).list().stream().map(id -> units.compound(id).orElseThrow()).toList() : List.of();
        // the people of the grid's compounds whom the ledger gives a grid role
        List<Long> flagged = manager && !compoundIds.isEmpty() ? jdbc.sql("""
                        select id from person where compound_id = any(?) and cardinality(grid_roles) > 0 and status = 'ACTIVE'
                        order by name limit 200""")
                .param(compoundIds.toArray(Long[]::new)).query(Long.class).list() : List.of();
        Map<Long, PersonCard> candidates = people.cards(flagged);
        List<CommunityGroup> reportable = (manager ? groups.inReach() : groups.run()).stream()
                .filter(gr -> !teams.containsKey(gr.getId())).toList();
        return new GridPage(gridId, name, unit.name(), compounds,
                roles.stream().map(r -> new Holder(cards.get(r.getKey()), r.getValue())).toList(),
                teamRows.stream().map(t -> new Team(teams.get(t.getKey()), t.getValue().toInstant().toString())).toList(),
                assignable, flagged.stream().map(candidates::get).toList(), reportable, manager);
    }

    /** Puts a compound of the caller's reach into the grid (moving it out of any other). */
    @Transactional
    public void assign(long gridId, Long compoundId) {
        requireManager(gridId);
        Compound compound = compoundId == null ? null : units.compound(compoundId).orElse(null);
        if (compound == null) {
            throw new RuleViolationException("compoundId", "grid.compound.required");
        }
        reach.requireOrganization(compound.getBranchId());
        jdbc.sql("""
                        insert into grid_compound (compound_id, grid_id) values (?, ?)
                        on conflict (compound_id) do update set grid_id = excluded.grid_id""")
                .params(compoundId, gridId).update();
    }

    /** Binds one of a person's grid roles to this grid; only a role the ledger says they hold. */
    @Transactional
    public void bind(long gridId, Long personId, GridRole role) {
        requireManager(gridId);
        if (personId == null || role == null) {
            throw new RuleViolationException("personId", "grid.role.required");
        }
        if (!people.get(personId).getGridRoles().contains(role)) {
            throw new RuleViolationException("role", "grid.role.not-held");
        }
        jdbc.sql("""
                        insert into grid_role (person_id, role, grid_id) values (?, ?, ?)
                        on conflict (person_id, role) do update set grid_id = excluded.grid_id""")
                .params(personId, role.name(), gridId).update();
    }

    /** 报到: a team reports in to the grid, by whoever runs it or staff who reach it. */
    @Transactional
    public void reportIn(long gridId, Long groupId) {
        OrganizationRef unit = unitOf(gridId);
        if (!reach.covers(unit.path()) && !leadsWithin(unit)) {
            reach.requireOrganization(unit.id());
        }
        if (groupId == null) {
            throw new RuleViolationException("groupId", "grid.team.required");
        }
        if (!groups.runs(groupId) && !reach.reaches(Reach.Target.GROUP, groupId)) {
            throw new AccessDeniedException("Group " + groupId + " is neither run nor reached by " + actors.current().username());
        }
        jdbc.sql("""
                        insert into grid_team (group_id, grid_id, reported_at) values (?, ?, ?)
                        on conflict (group_id) do update set grid_id = excluded.grid_id, reported_at = excluded.reported_at""")
                .params(groupId, gridId, Timestamp.from(clock.instant())).update();
    }

    /** Whether the caller runs a group hosted within the grid's unit: its leader may see the grid and report in. */
    private boolean leadsWithin(OrganizationRef unit) {
        return groups.run().stream().anyMatch(g -> units.organization(g.getHostOrgId())
                .map(host -> host.getPath().startsWith(unit.path())).orElse(false));
    }

    private void requireManager(long gridId) {
        reach.requireOrganization(unitOf(gridId).id());
    }

    private OrganizationRef unitOf(long gridId) {
        Long unit = jdbc.sql("select organization_id from grid where id = ?").param(gridId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("grid", gridId));
        return units.organization(unit).map(o -> new OrganizationRef(o.getId(), o.getName(), o.getCode(), o.getPath(), o.getDepth()))
                .orElseThrow(() -> new NotFoundException("organization", unit));
    }
}
