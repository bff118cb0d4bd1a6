package com.countyleague.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.TestIds;
import com.countyleague.org.OrganizationType;
import com.countyleague.web.Figures;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** 三会一课: meetings recorded with who of the branch came, and compliance by month and quarter at the edges of both. */
@IntegrationTest
class MeetingsTests {

    /** noon in the county, 15 June 2026 */
    private static final Instant JUNE_15 = Instant.parse("2026-06-15T04:00:00Z");

    @Autowired
    Meetings meetings;

    @Autowired
    Compliance compliance;

    @Autowired
    LeagueYearFigures figures;

    @Autowired
    Activities activities;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Branch branch;
    String secretary;

    @BeforeEach
    void aBranch() {
        clock.setTo(JUNE_15);
        branch = fixtures.branch("组织生活测试团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aMeetingOnTheLastDayOfAQuarterOrMonthCountsForThatPeriodAndNotTheNext() {
        long member = member("会议甲");
        record(MeetingKind.BRANCH_ASSEMBLY, LocalDate.of(2026, 3, 31), member);
        record(MeetingKind.LECTURE, LocalDate.of(2026, 4, 1));
        record(MeetingKind.BRANCH_COMMITTEE, LocalDate.of(2026, 1, 31));
        record(MeetingKind.BRANCH_COMMITTEE, LocalDate.of(2026, 3, 1));
        record(MeetingKind.GROUP_MEETING, LocalDate.of(2026, 2, 28));

        Compliance.BranchLine line = view(branch.id()).branches().get(0);
        assertThat(states(line, MeetingKind.BRANCH_ASSEMBLY)).containsExactly("MET", "DUE", "AHEAD", "AHEAD");
        assertThat(states(line, MeetingKind.LECTURE)).containsExactly("MISSED", "MET", "AHEAD", "AHEAD");
        assertThat(states(line, MeetingKind.BRANCH_COMMITTEE).subList(0, 7))
                .containsExactly("MET", "MISSED", "MET", "MISSED", "MISSED", "DUE", "AHEAD");
        assertThat(states(line, MeetingKind.GROUP_MEETING).subList(0, 3)).containsExactly("MISSED", "MET", "MISSED");
        assertThat(line.behind()).isTrue();
    }

    @Test
    void aPeriodIsMissedOnlyOnceItIsOver() {
        record(MeetingKind.BRANCH_ASSEMBLY, LocalDate.of(2026, 1, 5));
        // 23:30 on 31 March in the county: the first quarter and March are still under way
        clock.setTo(Instant.parse("2026-03-31T15:30:00Z"));
        Compliance.BranchLine lastDay = view(branch.id()).branches().get(0);
        assertThat(states(lastDay, MeetingKind.LECTURE).get(0)).isEqualTo("DUE");
        assertThat(states(lastDay, MeetingKind.BRANCH_COMMITTEE).subList(0, 3)).containsExactly("MISSED", "MISSED", "DUE");
        // half an hour later it is 1 April in the county: the quarter and the month are over
        clock.setTo(Instant.parse("2026-03-31T16:00:00Z"));
        Compliance.BranchLine nextDay = view(branch.id()).branches().get(0);
        assertThat(states(nextDay, MeetingKind.LECTURE).subList(0, 2)).containsExactly("MISSED", "DUE");
        assertThat(states(nextDay, MeetingKind.BRANCH_ASSEMBLY).subList(0, 2)).containsExactly("MET", "DUE");
        assertThat(states(nextDay, MeetingKind.BRANCH_COMMITTEE).get(2)).isEqualTo("MISSED");
    }

    @Test
    void aSubtreeListsItsBranchesBehindWithRatesByMonthAndQuarter() {
        long committee = branch.committeeId();
        long keeping = fixtures.unit(committee, OrganizationType.BRANCH, "按时开会团支部");
        // the second branch holds everything every month and quarter up to June; the first nothing
        for (int month = 1; month <= 6; month++) {
            LocalDate day = LocalDate.of(2026, month, 10);
            for (MeetingKind kind : MeetingKind.values()) {
                if (kind == MeetingKind.BRANCH_COMMITTEE || kind == MeetingKind.GROUP_MEETING || month % 3 == 1) {
                    recordFor(keeping, kind, day);
                }
            }
        }
        Compliance.View view = fixtures.as(fixtures.readyAccount(Role.ORG_ADMIN, committee), () -> compliance.view(committee, 2026));
        assertThat(view.branches()).extracting(Compliance.BranchLine::name).containsExactlyInAnyOrder(branch.name(), "按时开会团支部");
        assertThat(view.behind()).extracting(Compliance.BranchLine::name).containsExactly(branch.name());
        assertThat(view.months()).hasSize(6).allSatisfy(r -> assertThat(r.met()).isEqualTo(1)).allSatisfy(r -> assertThat(r.percent()).isEqualTo(50));
        assertThat(view.quarters()).hasSize(2).allSatisfy(r -> assertThat(r.met()).isEqualTo(1));
        // the dashboard of the committee counts the one behind
        Figures.Contribution board = figures.figures(new Figures.Scope(committee, fixtures.organization(committee).getPath(),
                YearMonth.of(2026, 6), LocalDate.of(2026, 6, 15)));
        assertThat(board.tiles()).filteredOn(t -> t.labelKey().equals("dashboard.todo.meetings-behind")).singleElement()
                .satisfies(t -> assertThat(t.value()).isEqualTo(1));
    }

    @Test
    void theCountySetsHowOftenAMeetingIsRequired() throws Exception {
        record(MeetingKind.BRANCH_COMMITTEE, LocalDate.of(2026, 2, 10));
        mvc.perform(post("/admin/meetings/requirements").param("kind", "BRANCH_COMMITTEE").param("periodMonths", "3")
                .param("reason", "县团委调整").with(fixtures.signedIn(secretary)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/admin/meetings/requirements").param("kind", "BRANCH_COMMITTEE").param("periodMonths", "3")
                .param("reason", "县团委调整").with(fixtures.signedIn("admin")).with(csrf())).andExpect(status().is3xxRedirection());
        try {
            assertThat(states(view(branch.id()).branches().get(0), MeetingKind.BRANCH_COMMITTEE)).containsExactly("MET", "DUE", "AHEAD", "AHEAD");
            mvc.perform(post("/admin/meetings/requirements").param("kind", "BRANCH_COMMITTEE").param("periodMonths", "2")
                    .param("reason", "不合规").with(fixtures.signedIn("admin")).with(csrf())).andExpect(status().is3xxRedirection());
            assertThat(compliance.requirements()).containsEntry(MeetingKind.BRANCH_COMMITTEE, 3);
        } finally {
            jdbc.sql("update meeting_requirement set period_months = 1 where kind = 'BRANCH_COMMITTEE'").update();
        }
    }

    @Test
    void onlyTheBranchsMembersAreRecordedAndOnlyByStaffWhoReachIt() throws Exception {
        long member = member("会议乙");
        Branch other = fixtures.branch("别的组织生活团支部");
        long stranger = fixtures.person(other.id(), Ledger.LEAGUE_MEMBER, "外支部团员", TestIds.of(LocalDate.of(2000, 1, 1), Gender.MALE), null);
        String otherSecretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());

        String page = mvc.perform(post("/admin/meetings/new").param("organizationId", String.valueOf(branch.id())).param("kind", "BRANCH_ASSEMBLY")
                        .param("heldOn", "2026-06-01").param("topic", "学习团章").param("attendeeIds", String.valueOf(member), String.valueOf(stranger))
                        .with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("参会人员只能是本支部在册团员");
        mvc.perform(post("/admin/meetings/new").param("organizationId", String.valueOf(branch.id())).param("kind", "BRANCH_ASSEMBLY")
                .param("heldOn", "2026-06-01").param("topic", "学习团章").with(fixtures.signedIn(otherSecretary)).with(csrf()))
                .andExpect(status().isForbidden());
        String future = mvc.perform(post("/admin/meetings/new").param("organizationId", String.valueOf(branch.id())).param("kind", "LECTURE")
                        .param("heldOn", "2026-06-16").param("topic", "团课").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(future).contains("召开日期须为今天或两年内的日期");
        assertThat(jdbc.sql("select count(*) from org_meeting where organization_id = ?").param(branch.id()).query(Long.class).single()).isZero();

        mvc.perform(post("/admin/meetings/new").param("organizationId", String.valueOf(branch.id())).param("kind", "BRANCH_ASSEMBLY")
                .param("heldOn", "2026-06-15").param("topic", "学习团章").param("minutes", "会议记录").param("attendeeIds", String.valueOf(member))
                .with(fixtures.signedIn(secretary)).with(csrf())).andExpect(status().is3xxRedirection());
        long meeting = jdbc.sql("select id from org_meeting where organization_id = ?").param(branch.id()).query(Long.class).single();
        String shown = mvc.perform(get("/admin/meetings/" + meeting).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(shown).contains("实到 1/1 人", "会议乙");
        mvc.perform(get("/admin/meetings/" + meeting).with(fixtures.signedIn(otherSecretary))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/meetings").param("org", String.valueOf(branch.id())).with(fixtures.signedIn(otherSecretary)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/meetings/new").param("org", String.valueOf(branch.id())).with(fixtures.signedIn(otherSecretary)))
                .andExpect(status().isForbidden());
        assertThatThrownBy(() -> fixtures.as(otherSecretary, () -> meetings.addPhoto(meeting, new byte[] {1})))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMeetingHeldAsAnActivityOfTheBranchTakesItsCheckInsAsItsAttendanceOnce() throws Exception {
        long scanned = member("扫码团员");
        long absent = member("缺席团员");
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.ORGANISATIONAL_LIFE, Activity.Mode.OFFLINE,
                    "六月主题团日", null, "活动室", JUNE_15.minus(Duration.ofMinutes(10)), JUNE_15.plus(Duration.ofHours(1)), null, null, null, null));
            activities.publish(id);
            return id;
        });
        // scanned in as it began, and signed out at its end: a past activity of the shared test county, as the nightly review expects
        jdbc.sql("""
                        insert into attendance (activity_id, person_id, checked_in_at, check_in_method, checked_out_at, check_out_method,
                                                service_minutes, version)
                        values (?, ?, ?, 'QR', ?, 'QR', 0, 0)""")
                .params(activity, scanned, Timestamp.from(JUNE_15.minus(Duration.ofMinutes(10))), Timestamp.from(JUNE_15.plus(Duration.ofHours(1))))
                .update();

        String form = mvc.perform(get("/admin/meetings/new").param("org", String.valueOf(branch.id())).param("activityId", String.valueOf(activity))
                        .with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(form).contains("value=\"六月主题团日\"", "value=\"2026-06-15\"");
        assertThat(form).containsPattern("id=\"a" + scanned + "\"[^>]*checked").doesNotContainPattern("id=\"a" + absent + "\"[^>]*checked");

        mvc.perform(post("/admin/meetings/new").param("organizationId", String.valueOf(branch.id())).param("kind", "BRANCH_ASSEMBLY")
                .param("heldOn", "2026-06-15").param("topic", "六月主题团日").param("activityId", String.valueOf(activity))
                .param("attendeeIds", String.valueOf(scanned)).with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from org_meeting where activity_id = ?").param(activity).query(Long.class).single()).isEqualTo(1);
        String again = mvc.perform(post("/admin/meetings/new").param("organizationId", String.valueOf(branch.id())).param("kind", "LECTURE")
                        .param("heldOn", "2026-06-15").param("topic", "再记一次").param("activityId", String.valueOf(activity))
                        .with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(again).contains("该活动不是本支部尚未记录的组织生活活动");
        assertThat(jdbc.sql("select count(*) from org_meeting where activity_id = ?").param(activity).query(Long.class).single()).isEqualTo(1);

        // another branch's activity: neither prefills this branch's form nor is recorded by it
        Branch other = fixtures.branch("别的活动团支部");
        String otherSecretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        long theirs = fixtures.as(otherSecretary, () -> {
            long id = activities.create(new Activity.Details(other.id(), null, Activity.Type.ORGANISATIONAL_LIFE, Activity.Mode.OFFLINE,
                    "别处团日", null, "活动室", JUNE_15.minus(Duration.ofMinutes(10)), JUNE_15.plus(Duration.ofHours(1)), null, null, null, null));
            activities.publish(id);
            return id;
        });
        String prefilled = mvc.perform(get("/admin/meetings/new").param("org", String.valueOf(branch.id())).param("activityId", String.valueOf(theirs))
                        .with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(prefilled).doesNotContain("别处团日");
        String refused = mvc.perform(post("/admin/meetings/new").param("organizationId", String.valueOf(branch.id())).param("kind", "LECTURE")
                        .param("heldOn", "2026-06-15").param("topic", "借别处活动").param("activityId", String.valueOf(theirs))
                        .with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("该活动不是本支部尚未记录的组织生活活动");
        assertThat(jdbc.sql("select count(*) from org_meeting where activity_id = ?").param(theirs).query(Long.class).single()).isZero();
        mvc.perform(get("/admin/meetings/new").param("org", String.valueOf(other.id())).param("activityId", String.valueOf(theirs))
                .with(fixtures.signedIn(secretary))).andExpect(status().isForbidden());
    }

    private long member(String name) {
        return fixtures.person(branch.id(), Ledger.LEAGUE_MEMBER, name, TestIds.of(LocalDate.of(2001, 3, 3), Gender.FEMALE), null);
    }

    private long record(MeetingKind kind, LocalDate on, Long... attendees) {
        return fixtures.as(secretary, () -> meetings.record(new Meetings.Draft(branch.id(), kind, on, "主题", "", Set.of(attendees), null)));
    }

    private void recordFor(long organizationId, MeetingKind kind, LocalDate on) {
        fixtures.as("admin", () -> meetings.record(new Meetings.Draft(organizationId, kind, on, "主题", "", Set.of(), null)));
    }

    private Compliance.View view(long organizationId) {
        return fixtures.as(secretary, () -> compliance.view(organizationId, 2026));
    }

    private static List<String> states(Compliance.BranchLine line, MeetingKind kind) {
        return line.kinds().stream().filter(k -> k.kind() == kind).findFirst().orElseThrow()
                .periods().stream().map(p -> p.state().name()).toList();
    }
}
