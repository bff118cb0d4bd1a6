package com.countyleague.dashboard;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.OrganizationDirectory;
import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;
import com.countyleague.web.Figures;
import com.countyleague.web.Figures.Area;
import com.countyleague.web.Figures.Scope;
import com.countyleague.web.Figures.Table;
import com.countyleague.web.Figures.Tile;
import com.countyleague.web.RuleViolationException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of a subtree the caller reaches, for a month, gathered from every module by area. The
 * modules read summaries where counting live would be too slow at county scale; the board tells when
 * they were last refreshed.
 */
@Service
public class Dashboard {

    /** An area's tiles and tables, in the order the modules gave them. */
    public record Section(Area area, List<Tile> tiles, List<Table> tables) {
    }

    public record Board(long unitId, String unitName, List<OrganizationRef> below, YearMonth month, boolean currentMonth,
                        List<Section> sections, Instant refreshedAt) {

        /** The to-do tiles, shown first and on the secretary's home. */
        public Section toDo() {
            return sections.stream().filter(s -> s.area() == Area.TO_DO).findFirst()
                    .orElse(new Section(Area.TO_DO, List.of(), List.of()));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

    private final List<Figures> figures;
    private final Reach reach;
    private final OrganizationDirectory organizations;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    Dashboard(List<Figures> figures, Reach reach, OrganizationDirectory organizations, Actors actors, JdbcClient jdbc, Clock clock) {
        this.figures = figures;
        this.reach = reach;
        this.organizations = organizations;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The board of a unit (the caller's own when none is named) for a month (this one when none is named). */
    @Transactional(readOnly = true)
    public Board board(Long organizationId, YearMonth month) {
        OrganizationRef unit = reach.unit(organizationId);
        LocalDate today = LocalDate.now(clock);
        YearMonth current = YearMonth.from(today);
        YearMonth asked = month == null ? current : month;
        if (asked.isAfter(current) || asked.isBefore(current.minusYears(10))) {
            throw new RuleViolationException("month", "dashboard.month.range");
        }
        Scope scope = new Scope(unit.id(), unit.path(), asked, today);
        List<Figures.Contribution> contributions = figures.stream().map(f -> f.figures(scope)).toList();
        Map<Area, List<Tile>> tiles = contributions.stream().flatMap(c -> c.tiles().stream())
                .collect(Collectors.groupingBy(Tile::area, () -> new EnumMap<>(Area.class), Collectors.toList()));
        Map<Area, List<Table>> tables = contributions.stream().flatMap(c -> c.tables().stream())
                .collect(Collectors.groupingBy(Table::area, () -> new EnumMap<>(Area.class), Collectors.toList()));
        List<Section> sections = Arrays.stream(Area.values())
                .filter(a -> tiles.containsKey(a) || tables.containsKey(a))
                .map(a -> new Section(a, tiles.getOrDefault(a, List.of()), tables.getOrDefault(a, List.of())))
                .toList();
        // the units one level down, to pick a smaller subtree from
        List<OrganizationRef> below = organizations.children(unit.id());
        return new Board(unit.id(), unit.name(), below, asked, asked.equals(current), sections, refreshedAt());
    }

    /**
     * Brings every module's summaries up to date, one instance at a time (another one that is already
     * at it makes this a no-op), and notes when. Admins may ask for it; the schedule does it anyway.
     */
    @Transactional
    public boolean refresh() {
        Actor actor = actors.current();
        actor.requireAdmin();
        if (!jdbc.sql("select pg_try_advisory_xact_lock(hashtext('dashboard-refresh'))").query(Boolean.class).single()) {
            return false;
        }
        long started = System.nanoTime();
        figures.forEach(Figures::refresh);
        jdbc.sql("""
                        insert into dashboard_refresh (id, refreshed_at) values (1, ?)
                        on conflict (id) do update set refreshed_at = excluded.refreshed_at""")
                .param(Timestamp.from(clock.instant())).update();
        log.info("Dashboard summaries refreshed by {} in {} ms", actor.username(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    private Instant refreshedAt() {
        return jdbc.sql("select refreshed_at from dashboard_refresh").query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
    }
}
