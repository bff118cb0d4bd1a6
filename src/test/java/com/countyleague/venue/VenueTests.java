package com.countyleague.venue;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.TwoBranches;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.dashboard.Dashboard;
import com.countyleague.group.GroupKind;
import com.countyleague.org.Position;
import com.countyleague.org.Residences;
import com.countyleague.web.RuleViolationException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.groups.Tuple.tuple;

@IntegrationTest
class VenueTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Venues venues;

    @Autowired
    Coverage coverage;

    @Autowired
    Residences residences;

    @Autowired
    Dashboard dashboard;

    @Autowired
    VenueExtras extras;

    @Autowired
    CompoundPositions positions;

    @Autowired
    Activities activities;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void ofManyRequestsRacingForOneSlotTheDatabaseLetsExactlyOneThrough() throws Exception {
        Branch branch = fixtures.branch("阵地抢订团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long venue = youthHome(secretary, branch, null);
        LocalDate day = LocalDate.now(clock).plusDays(3);
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            int minute = i;
            racers.add(() -> fixtures.as(secretary, () -> {
                try {
                    venues.book(venue, new Venues.BookingRequest(day.atTime(14, minute), day.atTime(16, 0), null, null, "抢订", 5));
                    return true;
                } catch (RuleViolationException refused) {
                    assertThat(refused.messageKey()).isEqualTo("booking.overlap");
                    return false;
                }
            }));
        }
        assertThat(TestFixtures.atOnce(racers, 12).stream().filter(won -> won).count()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from venue_booking where venue_id = ? and status = 'CONFIRMED'").param(venue)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void bookingsKeepToTheOpeningHoursTheCapacityAndTheFutureAndMayFollowOneAnother() {
        Branch branch = fixtures.branch("阵地规则团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long venue = youthHome(secretary, branch, null);
        LocalDate day = LocalDate.now(clock).plusDays(2);
        assertThat(refusal(secretary, venue, day.atTime(7, 30), day.atTime(9, 0), 5)).isEqualTo("booking.hours");
        assertThat(refusal(secretary, venue, day.atTime(20, 0), day.atTime(22, 30), 5)).isEqualTo("booking.hours");
        assertThat(refusal(secretary, venue, day.atTime(10, 0), day.atTime(11, 0), 41)).isEqualTo("booking.capacity");
        assertThat(refusal(secretary, venue, LocalDate.now(clock).minusDays(1).atTime(10, 0),
                LocalDate.now(clock).minusDays(1).atTime(11, 0), 5)).isEqualTo("booking.past");
        fixtures.as(secretary, () -> venues.book(venue, new Venues.BookingRequest(day.atTime(9, 0), day.atTime(10, 0), null, null, "早会", 5)));
        // one ends when the next begins: no overlap
        fixtures.as(secretary, () -> venues.book(venue, new Venues.BookingRequest(day.atTime(10, 0), day.atTime(11, 0), null, null, "培训", 40)));
        assertThat(refusal(secretary, venue, day.atTime(10, 30), day.atTime(11, 30), 5)).isEqualTo("booking.overlap");
        Venues.Week week = fixtures.as(secretary, () -> venues.week(venue, day));
        assertThat(week.days().stream().filter(d -> d.day().equals(day)).findFirst().orElseThrow().bookings())
                .extracting(Booking::getPurpose).containsExactly("早会", "培训");
    }

    @Test
    void anotherBranchCannotBookOrChangeThisBranchsVenueAndALeaderAsksForTheirGroup() {
        Branch branch = fixtures.branch("阵地本支部");
        Branch other = fixtures.branch("阵地他支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        long venue = youthHome(secretary, branch, null);
        LocalDate day = LocalDate.now(clock).plusDays(4);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> venues.book(venue,
                new Venues.BookingRequest(day.atTime(10, 0), day.atTime(11, 0), null, null, "越权", 5))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> {
            venues.update(venue, new Venue.Details("改名", Venue.FUNCTION_STORE, other.id(), null, null, LocalTime.of(8, 0),
                    LocalTime.of(22, 0), 40, null));
            return null;
        })).isInstanceOf(AccessDeniedException.class);

        // another branch's activity, and a group the caller does not run, are refused as what a booking is for
        long otherSecretaryActivity = fixtures.as(fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id()), () -> {
            Instant start = clock.instant().plus(Duration.ofDays(6));
            return activities.create(new Activity.Details(other.id(), null, Activity.Type.INTEREST, Activity.Mode.OFFLINE, "他支部活动",
                    null, null, start, start.plus(Duration.ofHours(1)), null, null, null, null));
        });
        long otherGroup = fixtures.group(GroupKind.INTEREST_GROUP, other.id(), null);
        assertThatThrownBy(() -> fixtures.as(secretary, () -> venues.book(venue,
                new Venues.BookingRequest(day.atTime(10, 0), day.atTime(11, 0), otherSecretaryActivity, null, "越权活动", 5))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(secretary, () -> venues.book(venue,
                new Venues.BookingRequest(day.atTime(10, 0), day.atTime(11, 0), null, otherGroup, "越权团体", 5))))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from venue_booking where venue_id = ?").param(venue).query(Long.class).single()).isZero();

        long group = fixtures.group(GroupKind.INTEREST_GROUP, branch.id(), null);
        long leaderPerson = fixtures.youth(branch.id(), "阵地组长");
        String leader = leaderOf(group, leaderPerson, branch);
        long asked = fixtures.as(leader, () -> venues.book(venue, new Venues.BookingRequest(day.atTime(15, 0), day.atTime(16, 0),
                null, group, "兴趣小组活动", 12)));
        assertThat(statusOf(asked)).isEqualTo("REQUESTED");
        fixtures.as(secretary, () -> venues.book(venue, new Venues.BookingRequest(day.atTime(15, 30), day.atTime(17, 0), null, null,
                "支部会议", 10)));
        // the request now overlaps a confirmed booking: confirming it is refused, refusing it is not
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            venues.decide(asked, true);
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("booking.overlap");
        fixtures.as(secretary, () -> {
            venues.decide(asked, false);
            return null;
        });
        assertThat(statusOf(asked)).isEqualTo("REFUSED");
    }

    @Test
    void aMemberAsksForTheirUnitsVenueFromTheirPhoneAndTheManagerConfirms() {
        Branch branch = fixtures.branch("阵地成员支部");
        Branch other = fixtures.branch("阵地成员他支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "预约青年"), branch.id());
        String outsider = fixtures.accountFor(fixtures.youth(other.id(), "外支部青年"), other.id());
        long venue = youthHome(secretary, branch, null);
        LocalDate day = LocalDate.now(clock).plusDays(5);
        assertThat(fixtures.as(member, () -> venues.mine()).venues()).extracting(r -> r.venue().getId()).contains(venue);
        long asked = fixtures.as(member, () -> venues.book(venue, new Venues.BookingRequest(day.atTime(18, 0), day.atTime(20, 0), null, null,
                "读书会", 12)));
        assertThat(statusOf(asked)).isEqualTo("REQUESTED");
        assertThat(fixtures.as(member, () -> venues.mine()).mine()).extracting(Booking::getId).containsExactly(asked);
        assertThatThrownBy(() -> fixtures.as(outsider, () -> venues.book(venue, new Venues.BookingRequest(day.atTime(9, 0),
                day.atTime(10, 0), null, null, "越权", 3)))).isInstanceOf(AccessDeniedException.class);
        assertThat(fixtures.as(outsider, () -> venues.mine()).venues()).noneMatch(r -> r.venue().getId() == venue);
        fixtures.as(secretary, () -> {
            venues.decide(asked, true);
            return null;
        });
        assertThat(statusOf(asked)).isEqualTo("CONFIRMED");
    }

    @Test
    void aVenueHasResidentsAndPhotosOfItsManagersReach() throws Exception {
        Branch branch = fixtures.branch("阵地入驻支部");
        Branch other = fixtures.branch("阵地入驻他支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long venue = youthHome(secretary, branch, null);
        long group = fixtures.group(GroupKind.INTEREST_GROUP, branch.id(), null);
        long otherGroup = fixtures.group(GroupKind.INTEREST_GROUP, other.id(), null);
        fixtures.as(secretary, () -> {
            extras.addResident(venue, branch.id(), null);
            extras.addResident(venue, null, group);
            return null;
        });
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            extras.addResident(venue, other.id(), null);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            extras.addResident(venue, null, otherGroup);
            return null;
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            extras.addResident(venue, null, group);
            return null;
        })).isInstanceOf(RuleViolationException.class).hasMessageContaining("venue.resident.already");
        VenueExtras.Residents residents = fixtures.as(secretary, () -> extras.residents(venue));
        assertThat(residents.units()).extracting(o -> o.getId()).containsExactly(branch.id());
        assertThat(residents.groups()).extracting(g -> g.getId()).containsExactly(group);

        long photo = fixtures.as(secretary, () -> extras.addPhoto(venue, TwoBranches.png()));
        mvc.perform(get("/admin/venues/{id}/photos/{p}", venue, photo).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andExpect(result ->
                        assertThat(result.getResponse().getContentType()).startsWith("image/"));
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        mvc.perform(get("/admin/venues/{id}/photos/{p}", venue, photo).with(fixtures.signedIn(stranger))).andExpect(status().isForbidden());
        assertThatThrownBy(() -> fixtures.as(secretary, () -> extras.addPhoto(venue, "not an image".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RuleViolationException.class);
    }

    @Test
    void positionsFromASheetAreTakenAllOrNoneWithTheRowsOfTheProblems() throws Exception {
        Branch branch = fixtures.branch("坐标导入支部");
        Branch other = fixtures.branch("坐标导入他支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String own = jdbc.sql("select name from compound where id = ?").param(branch.compoundId()).query(String.class).single();
        String theirs = jdbc.sql("select name from compound where id = ?").param(other.compoundId()).query(String.class).single();

        CompoundPositions.Outcome refused = fixtures.as(secretary, () -> positions.load(sheet(
                new String[] {own, "", "30.5", "104.1"}, new String[] {theirs, "", "30.6", "104.2"}, new String[] {own + "X", "", "abc", "1"})));
        assertThat(refused.located()).isZero();
        assertThat(refused.problems()).extracting(CompoundPositions.Problem::row, CompoundPositions.Problem::messageKey)
                .containsExactly(tuple(3, "positions.unknown"), tuple(4, "positions.unknown"));
        assertThat(jdbc.sql("select latitude from compound where id = ?").param(branch.compoundId()).query(BigDecimal.class).optional())
                .isEmpty();

        CompoundPositions.Outcome done = fixtures.as(secretary, () -> positions.load(sheet(new String[] {own, branch.name(), "30.5", "104.1"})));
        assertThat(done.located()).isEqualTo(1);
        assertThat(jdbc.sql("select latitude from compound where id = ?").param(branch.compoundId()).query(BigDecimal.class).single())
                .isEqualByComparingTo("30.5");
        assertThatThrownBy(() -> fixtures.as(secretary, () -> positions.load("not a sheet".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("positions.file.unreadable");
    }

    private static byte[] sheet(String[]... rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            String[] header = {"小区名称", "所属团支部", "纬度", "经度"};
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void aCompoundIsCoveredWithinTheWalkingDistanceOfAYouthHomeComputedByHand() throws Exception {
        Branch branch = fixtures.branch("步行圈团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        // far from any other data: 45° N, 120° E
        double homeLat = 45.0;
        double homeLon = 120.0;
        youthHome(secretary, branch, new Position(BigDecimal.valueOf(homeLat), BigDecimal.valueOf(homeLon)));
        Map<String, double[]> places = Map.of("北苑", new double[] {45.006, 120.0}, "东苑", new double[] {45.0, 120.012},
                "南苑", new double[] {44.99, 120.0});
        Map<String, Long> ids = new HashMap<>();
        fixtures.as("admin", () -> {
            places.forEach((name, at) -> {
                long id = residences.addCompound(branch.id(), name, null);
                residences.locate(id, new Position(BigDecimal.valueOf(at[0]), BigDecimal.valueOf(at[1])));
                ids.put(name, id);
            });
            return null;
        });
        Coverage.View view = fixtures.as("admin", () -> coverage.of(branch.id()));
        for (Coverage.Place place : view.compounds()) {
            double[] at = places.get(place.name());
            double expected = haversine(homeLat, homeLon, at[0], at[1]);
            assertThat(place.nearestMetres()).as(place.name()).isCloseTo(expected, offset(0.5));
            assertThat(place.covered()).as(place.name()).isEqualTo(expected <= 1000);
        }
        // 667 m north, 944 m east, 1,112 m south: two of three covered, the south one the only one out
        assertThat(view.compounds()).hasSize(3);
        assertThat(view.percent()).isEqualTo(67);
        assertThat(view.uncovered()).extracting(Coverage.Place::name).containsExactly("南苑");
        // the dashboard counts the same, from its summary once refreshed
        fixtures.as("admin", dashboard::refresh);
        assertThat(fixtures.as("admin", () -> dashboard.board(branch.committeeId(), null)).sections().stream()
                .flatMap(s -> s.tiles().stream()).filter(t -> t.labelKey().equals("dashboard.places.coverage")).findFirst().orElseThrow()
                .value()).isEqualTo(67);

        String svg = mvc.perform(get("/admin/venues/coverage.svg").param("under", String.valueOf(branch.id()))
                        .with(fixtures.signedIn("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document map = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList circles = map.getElementsByTagName("circle");
        int compounds = 0;
        for (int i = 0; i < circles.getLength(); i++) {
            Element circle = (Element) circles.item(i);
            if (circle.getAttribute("class").startsWith("compound")) {
                compounds++;
                long id = Long.parseLong(circle.getAttribute("data-id"));
                boolean covered = id != ids.get("南苑");
                assertThat(circle.getAttribute("class")).isEqualTo(covered ? "compound covered" : "compound uncovered");
                assertThat(circle.getAttribute("fill")).isEqualTo(covered ? "#198754" : "#dc3545");
            }
        }
        assertThat(compounds).isEqualTo(3);
        NodeList homes = map.getElementsByTagName("rect");
        long homeMarkers = 0;
        for (int i = 0; i < homes.getLength(); i++) {
            homeMarkers += "home".equals(((Element) homes.item(i)).getAttribute("class")) ? 1 : 0;
        }
        assertThat(homeMarkers).isEqualTo(1);
    }

    private static double haversine(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6_371_008.8 * Math.asin(Math.sqrt(a));
    }

    private long youthHome(String secretary, Branch branch, Position position) {
        return fixtures.as(secretary, () -> venues.create(new Venue.Details(branch.name() + "青年之家", Venue.FUNCTION_STORE, branch.id(),
                null, position, LocalTime.of(8, 0), LocalTime.of(22, 0), 40, null)));
    }

    private String refusal(String secretary, long venue, LocalDateTime from, LocalDateTime to, int people) {
        try {
            fixtures.as(secretary, () -> venues.book(venue, new Venues.BookingRequest(from, to, null, null, "测试", people)));
            return null;
        } catch (RuleViolationException refused) {
            return refused.messageKey();
        }
    }

    private String statusOf(long booking) {
        return jdbc.sql("select status from venue_booking where id = ?").param(booking).query(String.class).single();
    }

    /** An account for a person who heads the group, as a secretary gives one. */
    private String leaderOf(long group, long person, Branch branch) {
        long membership = fixtures.enrol(group, person).getId();
        fixtures.as("admin", () -> {
            jdbc.sql("update group_membership set role = 'OWNER' where id = ?").param(membership).update();
            return null;
        });
        String username = TestFixtures.uniqueCode("vl").toLowerCase();
        jdbc.sql("""
                insert into account (username, password_hash, display_name, role, organization_id, enabled, must_change_password,
                                     failed_attempts, created_at, password_changed_at, version, person_id)
                values (?, 'x', '阵地组长', 'GROUP_LEADER', ?, true, false, 0, now(), now(), 0, ?)""")
                .params(username, branch.id(), person).update();
        return username;
    }
}
