package com.countyleague.dashboard;

import com.countyleague.account.OrganizationDirectory;
import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;
import com.countyleague.web.Figures;
import com.countyleague.web.Figures.Area;
import com.countyleague.web.Figures.Scope;
import com.countyleague.web.Figures.Table;
import com.countyleague.web.Figures.Tile;
import com.countyleague.web.RuleViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The figures of a subtree the caller reaches, for a month, gathered from every module by area. */
@Service
public class Dashboard {

    /** An area's tiles and tables, in the order the modules gave them. */
    public record Section(Area area, List<Tile> tiles, List<Table> tables) {
    }

    public record Board(long unitId, String unitName, List<OrganizationRef> below, YearMonth month, boolean currentMonth,
                        List<Section> sections) {

        /** The to-do tiles, shown first and on the secretary's home. */
        public Section toDo() {
            return sections.stream().filter(s -> s.area() == Area.TO_DO).findFirst()
                    .orElse(new Section(Area.TO_DO, List.of(), List.of()));
        }
    }

    private final List<Figures> figures;
    private final Reach reach;
    private final OrganizationDirectory organizations;
    private final Clock clock;

    Dashboard(List<Figures> figures, Reach reach, OrganizationDirectory organizations, Clock clock) {
        this.figures = figures;
        this.reach = reach;
        this.organizations = organizations;
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
        Map<Area, List<Tile>> tiles = figures.stream().flatMap(f -> f.tiles(scope).stream())
                .collect(Collectors.groupingBy(Tile::area, () -> new EnumMap<>(Area.class), Collectors.toList()));
        Map<Area, List<Table>> tables = figures.stream().flatMap(f -> f.tables(scope).stream())
                .collect(Collectors.groupingBy(Table::area, () -> new EnumMap<>(Area.class), Collectors.toList()));
        List<Section> sections = Arrays.stream(Area.values())
                .filter(a -> tiles.containsKey(a) || tables.containsKey(a))
                .map(a -> new Section(a, tiles.getOrDefault(a, List.of()), tables.getOrDefault(a, List.of())))
                .toList();
        // the units one level down, to pick a smaller subtree from
        List<OrganizationRef> below = organizations.within(unit.path()).stream().filter(o -> o.depth() == unit.depth() + 1).toList();
        return new Board(unit.id(), unit.name(), below, asked, asked.equals(current), sections);
    }
}
