package com.countyleague.council;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.activity.Activity;
import com.countyleague.group.CommitteeSeat;
import com.countyleague.group.GroupKind;
import com.countyleague.group.GroupRole;
import com.countyleague.group.Groups;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class CouncilTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Councils councils;

    @Autowired
    ResidentIssues issues;

    @Autowired
    Groups groups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Value("${league.zone}")
    ZoneId zone;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aCouncilsGuideIsAPartyMemberItsCadreHoldsALeaguePostAndACommitteesMembersHoldSeats() {
        Branch branch = fixtures.branch("组成规则支部");
        long council = fixtures.group(GroupKind.YOUTH_COUNCIL, branch.id(), null);
        long guide = fixtures.youth(branch.id(), "指导员人选");
        long cadre = fixtures.youth(branch.id(), "团干部人选");
        long guideSeat = fixtures.enrol(council, guide).getId();
        long cadreSeat = fixtures.enrol(council, cadre).getId();

        assertThatThrownBy(() -> as("admin", () -> groups.appoint(guideSeat, GroupRole.GUIDE)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("role");
                    assertThat(e.messageKey()).isEqualTo("group.role.guide-party-member");
                });
        assertThatThrownBy(() -> as("admin", () -> groups.appoint(cadreSeat, GroupRole.CADRE)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("group.role.cadre-league-post"));
        // the 1+2+3+N core team is a practice group's: a council has no 群主
        assertThatThrownBy(() -> as("admin", () -> groups.appoint(guideSeat, GroupRole.OWNER)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("group.role.not-for-kind"));

        jdbc.sql("update person set political_status = 'CPC_PROBATIONARY' where id = ?").param(guide).update();
        jdbc.sql("update person set league_post = 'COMMITTEE_MEMBER' where id = ?").param(cadre).update();
        as("admin", () -> groups.appoint(guideSeat, GroupRole.GUIDE));
        as("admin", () -> groups.appoint(cadreSeat, GroupRole.CADRE));
        Councils.CouncilPage page = fixtures.as("admin", () -> councils.page(council));
        assertThat(page.problems()).isEmpty();
        assertThat(page.members()).allMatch(Councils.Member::qualified);

        // the ledger changes afterwards: the page says so
        jdbc.sql("update person set political_status = 'MASSES' where id = ?").param(guide).update();
        assertThat(fixtures.as("admin", () -> councils.page(council)).problems()).containsExactly("council.problem.unqualified-guide");

        // a 青春业委会: seats, and no 1+2+3+N either
        long committee = fixtures.group(GroupKind.YOUTH_COMMITTEE, branch.id(), null);
        long chair = fixtures.enrol(committee, fixtures.youth(branch.id(), "业委会主任人选")).getId();
        assertThatThrownBy(() -> as("admin", () -> groups.appoint(chair, GroupRole.EXPERT)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("group.role.not-for-kind"));
        assertThatThrownBy(() -> as("admin", () -> groups.seat(chair, CommitteeSeat.BRANCH_COMMITTEE)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.field()).isEqualTo("seat");
                    assertThat(e.messageKey()).isEqualTo("group.seat.needs-league-post");
                });
        assertThat(fixtures.as("admin", () -> councils.page(committee)).problems()).contains("council.problem.no-seat");
        as("admin", () -> groups.seat(chair, CommitteeSeat.OWNERS_CHAIR));
        assertThat(fixtures.as("admin", () -> councils.page(committee)).problems())
                .containsExactly("council.problem.no-guide", "council.problem.no-cadre");
        // a seat is a committee's only
        assertThatThrownBy(() -> as("admin", () -> groups.seat(guideSeat, CommitteeSeat.BUILDING_HEAD)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("group.seat.committee-only"));
    }

    @Test
    void aCouncilThatMetOnTheLastDayOfLastMonthIsBehindThisMonthAndTheMonthsInARowAreCounted() {
        Branch branch = fixtures.branch("议事合规支部");
        clock.setTo(LocalDateTime.of(2025, 11, 20, 9, 0).atZone(zone).toInstant());
        long neverMet = fixtures.group(GroupKind.YOUTH_COUNCIL, branch.id(), null);
        long lastDay = fixtures.group(GroupKind.YOUTH_COUNCIL, branch.id(), null);
        long firstDay = fixtures.group(GroupKind.YOUTH_COMMITTEE, branch.id(), null);
        long january = fixtures.group(GroupKind.YOUTH_COUNCIL, branch.id(), null);
        meet(january, LocalDateTime.of(2026, 1, 15, 19, 0));
        meet(lastDay, LocalDateTime.of(2026, 2, 28, 23, 0));
        meet(firstDay, LocalDateTime.of(2026, 3, 1, 0, 30));
        // a meeting still to come does not count, nor one cancelled
        meet(january, LocalDateTime.of(2026, 3, 20, 19, 0));

        clock.setTo(LocalDateTime.of(2026, 3, 10, 9, 0).atZone(zone).toInstant());
        Councils.Compliance march = fixtures.as("admin", () -> councils.compliance(branch.committeeId(), Pageable.ofSize(50)));
        assertThat(march.month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(march.councils()).isEqualTo(4);
        assertThat(march.met()).isEqualTo(1);
        assertThat(march.behind().getContent()).extracting(r -> r.council().id(), Councils.ComplianceRow::monthsBehind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(neverMet, 5L), org.assertj.core.groups.Tuple.tuple(january, 2L),
                        org.assertj.core.groups.Tuple.tuple(lastDay, 1L));
        assertThat(march.behind().getContent()).filteredOn(r -> r.council().id() == lastDay)
                .singleElement().extracting(Councils.ComplianceRow::lastMet).isEqualTo(YearMonth.of(2026, 2));

        // the last day of February, seen on the last day of February: met
        clock.setTo(LocalDateTime.of(2026, 2, 28, 23, 59).atZone(zone).toInstant());
        Councils.Compliance february = fixtures.as("admin", () -> councils.compliance(branch.committeeId(), Pageable.ofSize(50)));
        assertThat(february.behind().getContent()).extracting(r -> r.council().id()).doesNotContain(lastDay).contains(neverMet, january);

        // the council's twelve months
        clock.setTo(LocalDateTime.of(2026, 3, 10, 9, 0).atZone(zone).toInstant());
        Councils.CouncilPage page = fixtures.as("admin", () -> councils.page(january));
        assertThat(page.year()).hasSize(12);
        assertThat(page.year().get(11).month()).isEqualTo(YearMonth.of(2026, 3));
        assertThat(page.year()).filteredOn(m -> !m.meetings().isEmpty()).extracting(Councils.MonthRecord::month)
                .containsExactly(YearMonth.of(2026, 1));
        assertThat(page.coming()).hasSize(1);

        // another committee's admin sees neither the list nor the council
        String stranger = fixtures.readyAccount(Role.ORG_ADMIN, fixtures.branch("合规他处").committeeId());
        assertThatThrownBy(() -> fixtures.as(stranger, () -> councils.compliance(branch.committeeId(), Pageable.ofSize(10))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> councils.page(january))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void minutesAreRecordedOnceHeldWithTheIssuesTheCouncilMayTakeUp() {
        Branch branch = fixtures.branch("纪要支部");
        Branch other = fixtures.branch("纪要他支部");
        long council = fixtures.group(GroupKind.YOUTH_COUNCIL, branch.id(), null);
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long coming = fixtures.as(secretary, () -> councils.planMeeting(council, new Councils.MeetingPlan("十二月议事",
                LocalDateTime.now(clock).plusDays(2), LocalDateTime.now(clock).plusDays(2).plusHours(2), Activity.Mode.OFFLINE,
                "社区议事厅", "停车难")));
        assertThatThrownBy(() -> as(secretary, () -> councils.recordMinutes(coming, "议了", null, List.of())))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("council.minutes.not-held"));

        long held = fixtures.as(secretary, () -> councils.planMeeting(council, new Councils.MeetingPlan("十一月议事",
                LocalDateTime.now(clock).minusHours(3), LocalDateTime.now(clock).minusHours(1), Activity.Mode.ONLINE, null, "加装电梯")));
        long ours = fixtures.as(secretary, () -> issues.raise(report(branch.id(), council, "电梯加装")));
        long otherIssue = fixtures.as("admin", () -> issues.raise(report(other.id(), null, "他处路灯")));
        assertThatThrownBy(() -> as(secretary, () -> councils.recordMinutes(held, "议了", null, List.of(otherIssue))))
                .isInstanceOf(AccessDeniedException.class);
        as(secretary, () -> councils.recordMinutes(held, "一致同意先征求住户意见", "下周入户", List.of(ours)));

        Councils.MeetingPage page = fixtures.as(secretary, () -> councils.meeting(held));
        assertThat(page.meeting().getMinutes()).isEqualTo("一致同意先征求住户意见");
        assertThat(page.discussed()).extracting(ResidentIssue::getId).containsExactly(ours);
        ResidentIssues.IssuePage issue = fixtures.as(secretary, () -> issues.page(ours));
        assertThat(issue.meetingTitle()).isEqualTo("十一月议事");
        assertThat(issue.history()).extracting(ResidentIssue.Event::action).containsExactly("RAISED", "DISCUSSED");
        assertThat(jdbc.sql("select meeting_id from resident_issue where id = ?").param(otherIssue).query(Long.class).optional()).isEmpty();
    }

    static ResidentIssue.Report report(long unit, Long council, String title) {
        return new ResidentIssue.Report(unit, council, "LIFE", "WORRY", null, null, title, title + "，请帮忙解决");
    }

    private void meet(long council, LocalDateTime at) {
        fixtures.as("admin", () -> councils.planMeeting(council, new Councils.MeetingPlan("议事", at, at.plusHours(1), Activity.Mode.OFFLINE,
                "议事厅", "议程")));
    }

    private void as(String account, Runnable work) {
        fixtures.as(account, () -> {
            work.run();
            return null;
        });
    }
}
