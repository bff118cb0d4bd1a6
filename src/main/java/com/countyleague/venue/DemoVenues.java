package com.countyleague.venue;

import com.countyleague.account.Actors;
import com.countyleague.member.GridRole;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.PersonSearch;
import com.countyleague.org.Organization;
import com.countyleague.org.Position;
import com.countyleague.org.Residences;
import com.countyleague.org.UnitLookup;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's places: the Youth Home flagship by the county committee, a function store in
 * 翠湖社区, the nine carriers of the source document, the compounds' positions (金桂小区 outside every
 * walking circle), a grid of 龙湖街道 with its role holders and teams, a week of bookings, and a tool
 * house with items and loans, one of them overdue.
 * Does nothing when venues exist.
 */
@Component
@Profile("demo")
@Order(650)
class DemoVenues implements ApplicationRunner {

    private final VenueRepository venues;
    private final Venues bookings;
    private final ToolHouse tools;
    private final Grids grids;
    private final Residences residences;
    private final UnitLookup units;
    private final People people;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoVenues(VenueRepository venues, Venues bookings, ToolHouse tools, Grids grids, Residences residences, UnitLookup units,
               People people, Actors actors, JdbcClient jdbc, Clock clock) {
        this.grids = grids;
        this.venues = venues;
        this.bookings = bookings;
        this.tools = tools;
        this.residences = residences;
        this.units = units;
        this.people = people;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (venues.count() > 0) {
            return;
        }
        actors.asSystem(this::seed);
    }

    private void seed() {
        Map<String, Organization> byCode = units.byCode();
        Organization county = byCode.get("DC");
        Organization cuihu = byCode.get("DC-LH-01");
        Organization jinxiu = byCode.get("DC-LH-02");
        if (county == null || cuihu == null || jinxiu == null) {
            return;
        }
        // the county seat around 30.66° N, 104.06° E; 金桂小区 lies 2 km east of every Youth Home
        Map<String, double[]> compounds = Map.of("翠湖花园", new double[] {30.6612, 104.0631}, "湖景苑", new double[] {30.6645, 104.0598},
                "锦绣家园", new double[] {30.6571, 104.0702}, "金桂小区", new double[] {30.6590, 104.0950});
        jdbc.sql("select id, name from compound").query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().forEach(c -> {
            double[] at = compounds.get(c.getValue());
            if (at != null) {
                residences.locate(c.getKey(), position(at[0], at[1]));
            }
        });
        long flagship = venue("示范县青年之家（旗舰店）", Venue.FLAGSHIP, county, "人民路1号", 30.6600, 104.0600, 120, "多功能厅、直播间、自习室");
        long store = venue("翠湖青年之家（功能店）", Venue.FUNCTION_STORE, cuihu, "翠湖路88号", 30.6625, 104.0655, 40, "活动室、书吧");
        venue("锦绣阳光小屋", "SUNSHINE_CABIN", jinxiu, "锦绣路16号", 30.6568, 104.0705, 20, "四点半课堂");
        venue("翠湖小区书吧", "BOOK_BAR", cuihu, "翠湖路90号", 30.6615, 104.0628, 25, "图书3000册");
        venue("锦绣共享空间", "SHARED_SPACE", jinxiu, "锦绣路18号", 30.6575, 104.0699, 30, null);
        long toolHouse = venue("锦绣共享工具屋", "TOOL_HOUSE", jinxiu, "锦绣路18号", 30.6576, 104.0700, 6, null);
        venue("龙湖团代表联络点", "LIAISON_POINT", cuihu, "翠湖路88号", 30.6613, 104.0633, 15, null);
        venue("锦绣童伴之家", "CHILDREN_HOME", jinxiu, "锦绣路20号", 30.6573, 104.0708, 20, null);
        venue("龙湖街道党群服务中心", "PARTY_MASS_CENTRE", byCode.getOrDefault("DC-C01", county), "龙湖大道1号", 30.6630, 104.0610, 80, null);
        venue("城南青年自习室", "PARTNER_VENUE", county, "城南镇创业大道3号", 30.6400, 104.0500, 40, "延伸阵地：青年自习室");

        // a grid of 龙湖街道 with its compounds, the grid roles held there and the teams reported in
        Organization longhu = byCode.get("DC-C01");
        if (longhu != null) {
            long grid = grids.create("龙湖第一网格", longhu.getId());
            List<Long> inGrid = jdbc.sql("select id from compound where name in ('翠湖花园', '湖景苑', '锦绣家园') order by id")
                    .query(Long.class).list();
            inGrid.forEach(c -> grids.assign(grid, c));
            jdbc.sql("select id, grid_roles::text from person where compound_id = any(?) and cardinality(grid_roles) > 0 order by id limit 12")
                    .param(inGrid.toArray(Long[]::new))
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list()
                    .forEach(p -> Arrays.stream(GridRole.values()).filter(r -> p.getValue().contains(r.name()))
                            .forEach(r -> grids.bind(grid, p.getKey(), r)));
            jdbc.sql("select id from community_group where kind in ('COMMANDO_TEAM', 'VOLUNTEER_TEAM') order by id").query(Long.class).list()
                    .forEach(team -> grids.reportIn(grid, team));
        }

        // a week of bookings at the two Youth Homes
        LocalDate monday = LocalDate.now(clock).plusDays(1);
        String[] purposes = {"青年夜校：摄影入门", "支部主题团日", "青年圆桌会", "四点半课堂志愿辅导", "创业沙龙"};
        for (int d = 0; d < 5; d++) {
            LocalDate day = monday.plusDays(d);
            bookings.book(flagship, new Venues.BookingRequest(day.atTime(19, 0), day.atTime(21, 0), null, null, purposes[d], 40 + d * 5));
            bookings.book(store, new Venues.BookingRequest(day.atTime(14, 0), day.atTime(16, 0), null, null, purposes[(d + 2) % 5], 15));
        }

        // the tool house: items, a loan out, a request waiting, one overdue
        long ladder = tools.addItem(toolHouse, "人字梯", 2);
        long drill = tools.addItem(toolHouse, "电钻", 1);
        tools.addItem(toolHouse, "折叠桌", 6);
        List<Long> borrowers = people.search(new PersonSearch(Ledger.LEAGUE_MEMBER, jinxiu.getId(), null, null, null, null, null, null,
                null, null, null, null, null), PageRequest.of(0, 3)).stream().map(p -> p.id()).toList();
        if (borrowers.size() == 3) {
            jdbc.sql("""
                            insert into tool_loan (item_id, person_id, status, requested_at, lent_at, due_on, decided_by, version)
                            values (?, ?, 'LENT', ?, ?, ?, 'system', 0)""")
                    .params(drill, borrowers.get(0), Timestamp.from(clock.instant().minusSeconds(10 * 86_400)),
                            Timestamp.from(clock.instant().minusSeconds(10 * 86_400)), Date.valueOf(LocalDate.now(clock).minusDays(3)))
                    .update();
            jdbc.sql("""
                            insert into tool_loan (item_id, person_id, status, requested_at, lent_at, due_on, decided_by, version)
                            values (?, ?, 'LENT', ?, ?, ?, 'system', 0)""")
                    .params(ladder, borrowers.get(1), Timestamp.from(clock.instant().minusSeconds(86_400)),
                            Timestamp.from(clock.instant().minusSeconds(86_400)), Date.valueOf(LocalDate.now(clock).plusDays(6)))
                    .update();
            jdbc.sql("insert into tool_loan (item_id, person_id, status, requested_at, version) values (?, ?, 'REQUESTED', ?, 0)")
                    .params(ladder, borrowers.get(2), Timestamp.from(clock.instant())).update();
        }
    }

    private long venue(String name, String kind, Organization manager, String address, double latitude, double longitude, int capacity,
                       String facilities) {
        return venues.save(new Venue(new Venue.Details(name, kind, manager.getId(), address, position(latitude, longitude),
                LocalTime.of(9, 0), LocalTime.of(21, 30), capacity, facilities), clock.instant())).getId();
    }

    private static Position position(double latitude, double longitude) {
        return new Position(BigDecimal.valueOf(latitude), BigDecimal.valueOf(longitude));
    }
}
