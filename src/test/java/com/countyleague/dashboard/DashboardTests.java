package com.countyleague.dashboard;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.TwoBranches;
import com.countyleague.TwoBranches.Side;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.PersonSearch;
import com.countyleague.member.PersonStatus;
import com.countyleague.org.Organization;
import com.countyleague.org.OrganizationType;
import com.countyleague.org.UnitLookup;
import com.countyleague.points.PointsBank;
import com.countyleague.web.Figures.Tile;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@Import(TwoBranches.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    TwoBranches world;

    @Autowired
    Dashboard dashboard;

    @Autowired
    People people;

    @Autowired
    Activities activities;

    @Autowired
    PointsBank bank;

    @Autowired
    UnitLookup units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Side a;
    Side b;

    @BeforeAll
    void twoBranches() {
        TestFixtures.Branch elsewhere = fixtures.branch("看板别处团支部");
        a = world.side("看板甲", elsewhere);
        b = world.side("看板乙", elsewhere);
    }

    @Test
    void everyFigureOfASubtreeEqualsACountOverTheSameDataByAnotherRoute() {
        Organization committee = fixtures.organization(a.branch().committeeId());
        Long[] subtree = units.subtreeIds(committee.getPath()).toArray(Long[]::new);
        refresh();
        Map<String, Long> figures = tiles(fixtures.as(a.orgAdmin(), () -> dashboard.board(null, null)));
        LocalDate today = LocalDate.now(clock);
        LocalDate monthStart = today.withDayOfMonth(1);

        for (OrganizationType type : List.of(OrganizationType.COMMITTEE, OrganizationType.BRANCH, OrganizationType.GROUP)) {
            long units = this.units.subtree(committee.getPath()).stream()
                    .filter(o -> o.getType() == type && !o.getId().equals(committee.getId())).count();
            assertThat(figures.get("org.type." + type)).as(type.name()).isEqualTo(units);
        }
        // the ledgers as the ledger list counts them
        long members = listed(new PersonSearch(Ledger.LEAGUE_MEMBER, committee.getId(), null, null, null, null, null, null, null,
                PersonStatus.ACTIVE, null, null, null));
        long youth = listed(new PersonSearch(Ledger.YOUTH, committee.getId(), null, null, null, null, null, null, null,
                PersonStatus.ACTIVE, null, null, null));
        assertThat(youth).isGreaterThan(5);
        assertThat(figures.get("member.ledger.LEAGUE_MEMBER")).isEqualTo(members);
        assertThat(figures.get("member.ledger.YOUTH")).isEqualTo(youth);

        // groups and their members, counted row by row over the subtree's ids
        assertThat(figures.get("dashboard.groups")).isEqualTo(count(
                "select count(*) from community_group where status = 'ACTIVE' and host_org_id = any(?)", subtree)).isEqualTo(3);
        // governance: the side's council, and its member's open issue
        assertThat(figures.get("dashboard.governance.councils")).isEqualTo(count("""
                select count(*) from community_group where kind in ('YOUTH_COUNCIL', 'YOUTH_COMMITTEE') and host_org_id = any(?)""", subtree))
                .isEqualTo(1);
        assertThat(figures.get("dashboard.governance.met")).isEqualTo(1);
        assertThat(figures.get("dashboard.governance.open")).isEqualTo(count(
                "select count(*) from resident_issue where status in ('NEW', 'ACCEPTED', 'IN_PROGRESS') and organization_id = any(?)", subtree))
                .isEqualTo(1);
        assertThat(figures.get("dashboard.groups.members")).isEqualTo(count("""
                select count(*) from group_membership m join community_group g on g.id = m.group_id
                where m.status = 'ACTIVE' and g.status = 'ACTIVE' and g.host_org_id = any(?)""", subtree));

        // activities and attendances as the organisers' report counts them
        List<Activities.MonthlyCount> report = fixtures.as(a.orgAdmin(), () -> activities.report(monthStart, today.withDayOfMonth(today.lengthOfMonth())));
        assertThat(figures.get("dashboard.activities")).isEqualTo(report.stream().mapToLong(Activities.MonthlyCount::activities).sum())
                .isGreaterThanOrEqualTo(1);
        assertThat(figures.get("dashboard.attendances")).isEqualTo(report.stream().mapToLong(Activities.MonthlyCount::attendances).sum());

        // points as the points report counts them
        PointsBank.ReportRow month = fixtures.as(a.orgAdmin(), () -> bank.report(monthStart, today.withDayOfMonth(today.lengthOfMonth())))
                .months().stream().filter(r -> r.label().equals(YearMonth.from(today).toString())).findFirst().orElseThrow();
        assertThat(figures.get("dashboard.points.issued")).isEqualTo(month.issued()).isPositive();
        assertThat(figures.get("dashboard.points.redeemed")).isEqualTo(month.redeemed());
        assertThat(figures.get("dashboard.points.expired")).isEqualTo(month.expired());
        assertThat(figures.get("dashboard.points.outstanding")).isEqualTo(month.outstanding());
        assertThat(figures.get("dashboard.points.issued-total")).isEqualTo(count("""
                select coalesce(sum(amount), 0) from points_entry
                where (kind = 'EARN' or (kind = 'ADJUST' and amount > 0)) and organization_id = any(?)""", subtree)).isPositive();

        // what waits: the transfer into the branch, the join request, the reward to pick up
        assertThat(figures.get("dashboard.todo.transfers")).isEqualTo(1);
        assertThat(figures.get("dashboard.todo.join-requests")).isEqualTo(count(
                "select count(*) from group_membership m join community_group g on g.id = m.group_id where m.status = 'PENDING' and g.host_org_id = any(?)",
                subtree)).isPositive();
        assertThat(figures.get("dashboard.todo.pickups")).isEqualTo(1);
        // the branch held an activity just now: it is idle for none of the periods
        assertThat(figures.get("dashboard.idle.30")).isZero();
    }

    @Test
    void aScopedAdminSeesOnlyTheirSubtreeAndIsRefusedAnotherOnesFiguresAndLists() throws Exception {
        refresh();
        long before = tiles(fixtures.as(a.orgAdmin(), () -> dashboard.board(null, null))).get("member.ledger.YOUTH");
        long countyBefore = tiles(fixtures.as("admin", () -> dashboard.board(null, null))).get("member.ledger.YOUTH");
        fixtures.youth(b.branch().id(), "看板乙新青年");
        // the ledgers' figures are those of the last refresh, and the board says when that was
        assertThat(tiles(fixtures.as("admin", () -> dashboard.board(null, null))).get("member.ledger.YOUTH")).isEqualTo(countyBefore);
        Instant asked = clock.instant().minusMillis(1);
        refresh();
        assertThat(fixtures.as("admin", () -> dashboard.board(null, null)).refreshedAt()).isBetween(asked, clock.instant());
        assertThat(tiles(fixtures.as(a.orgAdmin(), () -> dashboard.board(null, null))).get("member.ledger.YOUTH")).isEqualTo(before);
        assertThat(tiles(fixtures.as("admin", () -> dashboard.board(null, null))).get("member.ledger.YOUTH")).isEqualTo(countyBefore + 1);

        // every figure of the scoped admin's board drills into their own subtree
        Dashboard.Board board = fixtures.as(a.orgAdmin(), () -> dashboard.board(null, null));
        assertThat(board.unitId()).isEqualTo(a.branch().committeeId());
        assertThat(board.sections().stream().flatMap(s -> s.tiles().stream()).map(Tile::link).filter(l -> l.contains("under=")))
                .isNotEmpty().allMatch(l -> l.contains("under=" + a.branch().committeeId()));

        mvc.perform(get("/admin/dashboard").param("org", String.valueOf(b.branch().committeeId())).with(fixtures.signedIn(a.orgAdmin())))
                .andExpect(status().isForbidden());
        for (String page : List.of("/admin/dashboard/report", "/admin/venues/coverage", "/admin/venues/coverage.svg")) {
            String name = page.equals("/admin/dashboard/report") ? "org" : "under";
            mvc.perform(get(page).param(name, String.valueOf(b.branch().committeeId())).with(fixtures.signedIn(a.orgAdmin())))
                    .andExpect(status().isForbidden());
            mvc.perform(get(page).param(name, String.valueOf(a.branch().id())).with(fixtures.signedIn(a.orgAdmin())))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/admin/dashboard").param("org", String.valueOf(a.branch().id())).with(fixtures.signedIn(a.orgAdmin())))
                .andExpect(status().isOk()).andExpect(content().string(containsString(a.branch().name())));
        mvc.perform(get("/admin/groups").param("under", String.valueOf(b.branch().id())).with(fixtures.signedIn(a.orgAdmin())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/groups").param("under", String.valueOf(a.branch().id())).with(fixtures.signedIn("admin")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(a.branch().name())))
                .andExpect(content().string(not(containsString(b.branch().name()))));
        mvc.perform(get("/activities/idle-branches").param("under", String.valueOf(b.branch().id())).param("days", "60")
                .with(fixtures.signedIn(a.secretary()))).andExpect(status().isForbidden());
        mvc.perform(get("/activities/idle-branches").param("days", "60").with(fixtures.signedIn(a.secretary())))
                .andExpect(status().isOk()).andExpect(content().string(containsString(a.branch().name())));
        mvc.perform(get("/activities/idle-branches").param("days", "0").with(fixtures.signedIn(a.secretary())))
                .andExpect(status().isConflict());
    }

    @Test
    void branchesWithoutAnActivityForSixtyDaysAreListedAndCountedAlike() throws Exception {
        TestFixtures.Branch quiet = fixtures.branch("看板沉寂团支部");
        long committee = quiet.committeeId();
        Map<String, Long> figures = tiles(fixtures.as("admin", () -> dashboard.board(committee, null)));
        assertThat(figures.get("dashboard.idle.60")).isEqualTo(1);
        mvc.perform(get("/activities/idle-branches").param("under", String.valueOf(committee)).param("days", "60")
                        .with(fixtures.signedIn("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/admin/orgs/" + quiet.id())));
    }

    @Test
    void aStaffAccountWithoutAPersonIsShownNoMemberItemAndGetsNo409Anywhere() throws Exception {
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, a.branch().id());
        List<String> memberPages = mappings.getHandlerMethods().keySet().stream()
                .filter(info -> info.getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(info -> info.getPatternValues().stream())
                .filter(p -> (p.startsWith("/me/") || p.startsWith("/api/v1/me/")) && !p.contains("{"))
                .sorted().toList();
        assertThat(memberPages).contains("/me/home", "/me/points", "/me/shifts", "/me/check-in", "/api/v1/me/points");
        for (String page : memberPages) {
            MvcResult result = mvc.perform(get(page).with(fixtures.signedIn(secretary))).andReturn();
            assertThat(result.getResponse().getStatus()).as(page).isNotEqualTo(409).isLessThan(500);
        }
        mvc.perform(get("/me/points").with(fixtures.signedIn(secretary)))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("failure")).asString().contains("未关联台账"));
        mvc.perform(get("/admin/").with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/me/home\""))))
                .andExpect(content().string(not(containsString("id=\"area-mine\""))));
        mvc.perform(get("/admin/").with(fixtures.signedIn(a.secretary())))
                .andExpect(content().string(containsString("id=\"branch-today\"")));
    }

    @Test
    void theMemberLandsOnTheirHomeWithTheCheckInButtonOfWhatIsOnNow() throws Exception {
        mvc.perform(get("/me/home").with(fixtures.signedIn(a.member())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"home-points\"")))
                .andExpect(content().string(containsString("href=\"/me/activities/" + a.activity() + "\"")))
                .andExpect(content().string(containsString("check-in-button")))
                .andExpect(content().string(containsString("id=\"tab-bar\"")));
    }

    @Test
    void theDemoCountysDashboardShowsTheSourceDocumentsFigures() {
        refresh();
        Dashboard.Board county = fixtures.as("admin", () -> dashboard.board(null, null));
        Map<String, Long> figures = tiles(county);
        // 33 units under the county committee, over 300 backbones, 30,000 points issued and 20,000 redeemed
        // (other tests add units and people to this database: at least the demo's own)
        assertThat(figures.get("org.type.COMMITTEE")).isGreaterThanOrEqualTo(33);
        assertThat(figures.get("dashboard.people.backbones")).isGreaterThan(300);
        assertThat(figures.get("dashboard.points.issued-total")).isGreaterThan(30_000);
        assertThat(figures.get("dashboard.points.redeemed-total")).isGreaterThan(20_000);
        // six practice groups with over 4,500 members, 45 interest groups
        Map<String, List<Long>> byKind = county.sections().stream().flatMap(s -> s.tables().stream())
                .filter(t -> t.id().equals("groups-by-kind")).findFirst().orElseThrow().rows().stream()
                .collect(Collectors.toMap(r -> r.label(), r -> r.values()));
        assertThat(byKind.get("group.kind.PRACTICE_GROUP").get(0)).isGreaterThanOrEqualTo(6);
        assertThat(byKind.get("group.kind.PRACTICE_GROUP").get(1)).isGreaterThanOrEqualTo(4_500);
        assertThat(byKind.get("group.kind.INTEREST_GROUP").get(0)).isGreaterThanOrEqualTo(45);
        // in the demo's own units everyone on a core team is flagged a backbone (the demo flags no one else,
        // but other tests here dismiss demo members, and a dismissal does not take the flag away)
        List<Long> flagged = jdbc.sql("""
                select p.id from person p join organization o on o.id = p.organization_id
                where o.code like 'DC%' and p.backbone order by 1""").query(Long.class).list();
        List<Long> coreTeams = jdbc.sql("""
                select distinct m.person_id from group_membership m join person p on p.id = m.person_id
                join organization o on o.id = p.organization_id
                where o.code like 'DC%' and m.role is not null and m.status = 'ACTIVE' order by 1""").query(Long.class).list();
        assertThat(coreTeams).hasSizeGreaterThan(300);
        assertThat(flagged).containsAll(coreTeams);
    }

    @Test
    void onlyAdminsRefreshTheFiguresOnDemand() throws Exception {
        mvc.perform(post("/admin/dashboard/refresh").with(csrf()).with(fixtures.signedIn(a.orgAdmin())))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("success")).isEqualTo("数据已更新"));
        mvc.perform(post("/admin/dashboard/refresh").with(csrf()).with(fixtures.signedIn(a.secretary())))
                .andExpect(status().isForbidden());
    }

    private void refresh() {
        fixtures.as("admin", dashboard::refresh);
    }

    private long listed(PersonSearch search) {
        return fixtures.as(a.orgAdmin(), () -> people.search(search, Pageable.ofSize(1)).getTotalElements());
    }

    private long count(String sql, Long[] ids) {
        return jdbc.sql(sql).param(ids).query(Long.class).single();
    }

    private static Map<String, Long> tiles(Dashboard.Board board) {
        return board.sections().stream().flatMap(s -> s.tiles().stream()).collect(Collectors.toMap(Tile::labelKey, Tile::value));
    }
}
