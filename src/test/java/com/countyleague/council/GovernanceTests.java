package com.countyleague.council;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.Callable;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.group.GroupKind;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class GovernanceTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    LiaisonPoints points;

    @Autowired
    ResidentIssues issues;

    @Autowired
    CallOuts callOuts;

    @Autowired
    Visits visits;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void aVisitorLogEntryBecomesAnIssueWithItsTextAndPlaceOnce() {
        Branch branch = fixtures.branch("联络点支部");
        Branch other = fixtures.branch("联络点他支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        long point = fixtures.as(secretary, () -> points.create(branch.id(), "龙湖团代表联络点", "社区服务中心二楼"));
        long representative = fixtures.youth(branch.id(), "派驻团代表");
        LocalDate today = LocalDate.now(clock);
        run(secretary, () -> points.station(point, representative, today.minusYears(1), today.plusYears(4)));
        assertThatThrownBy(() -> run(secretary, () -> points.station(point, representative, today, today.plusYears(1))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("liaison.representative.already"));
        long reception = fixtures.as(secretary, () -> points.scheduleReception(point, LocalDateTime.now(clock).minusHours(2),
                LocalDateTime.now(clock).minusHours(1)));
        long entry = fixtures.as(secretary, () -> points.logVisitor(point, new VisitorEntry.Draft(today, "王阿姨", "13900001111", null,
                branch.secondBuildingId(), "2号楼门口的路灯坏了\n晚上看不见台阶")));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> points.logVisitor(point, new VisitorEntry.Draft(today, "李", null,
                other.compoundId(), null, "别处")))).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.field()).isEqualTo("compoundId"));
        assertThatThrownBy(() -> fixtures.as(stranger, () -> points.toIssue(entry, "LIFE", "WORRY"))).isInstanceOf(AccessDeniedException.class);

        long issue = fixtures.as(secretary, () -> points.toIssue(entry, "LIFE", "WORRY"));
        ResidentIssues.IssuePage page = fixtures.as(secretary, () -> issues.page(issue));
        assertThat(page.row().issue().getTitle()).isEqualTo("2号楼门口的路灯坏了");
        assertThat(page.row().issue().getDescription()).isEqualTo("2号楼门口的路灯坏了\n晚上看不见台阶");
        assertThat(page.row().issue().getOrganizationId()).isEqualTo(branch.id());
        assertThat(page.row().issue().getCompoundId()).isEqualTo(branch.compoundId());
        assertThat(page.row().issue().getBuildingId()).isEqualTo(branch.secondBuildingId());
        assertThat(page.place()).isEqualTo(branch.name() + "小区 2号楼");
        assertThatThrownBy(() -> fixtures.as(secretary, () -> points.toIssue(entry, "LIFE", "WORRY")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("liaison.visitor.already-issue"));

        LiaisonPoints.Overview overview = fixtures.as(secretary, () -> points.overview(null));
        assertThat(overview.points()).singleElement().satisfies(r -> {
            assertThat(r.representatives()).isEqualTo(1);
            assertThat(r.receptionsHeld()).isEqualTo(1);
            assertThat(r.visitors()).isEqualTo(1);
        });
        assertThat(fixtures.as(secretary, () -> points.page(point, null)).receptions()).extracting(h -> h.id()).containsExactly(reception);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> points.page(point, null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aCallOutIsStaffedByTheFirstWhoAnswerYesAndTheSenderSeesWhoCameAndWhoDidNot() throws Exception {
        Branch branch = fixtures.branch("突击队支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long team = fixtures.group(GroupKind.COMMANDO_TEAM, branch.id(), null);
        List<String> members = fixtures.members(branch.id(), "突击队员", 5);
        members.forEach(m -> fixtures.enrol(team, fixtures.personOf(m)));
        String outsider = fixtures.accountFor(fixtures.youth(branch.id(), "非队员"), branch.id());
        long id = fixtures.as(secretary, () -> callOuts.send(new CallOuts.Draft(team, "防汛沙袋转运", "江堤3号闸口",
                LocalDateTime.now(clock).plusHours(1), LocalDateTime.now(clock).plusHours(4), 3)));
        assertThat(jdbc.sql("select count(*) from notification where message_key = 'callout.notice' and link = ?")
                .param("/me/call-outs/" + id).query(Long.class).single()).isEqualTo(5);
        assertThatThrownBy(() -> fixtures.as(outsider, () -> callOuts.mine(id))).isInstanceOf(NotFoundException.class);

        // five answer "coming" at once: three are taken, two are told it is staffed
        List<Callable<Boolean>> answers = members.stream().<Callable<Boolean>>map(m -> () -> {
            try {
                fixtures.as(m, () -> {
                    callOuts.answer(id, true);
                    return null;
                });
                return true;
            } catch (RuleViolationException e) {
                assertThat(e.messageKey()).isEqualTo("callout.staffed");
                return false;
            }
        }).toList();
        assertThat(TestFixtures.atOnce(answers, 5)).filteredOn(Boolean::booleanValue).hasSize(3);
        CallOuts.CallOutPage page = fixtures.as(secretary, () -> callOuts.page(id));
        assertThat(page.callOut().getStatus()).isEqualTo(CallOut.Status.STAFFED);
        assertThat(page.coming()).isEqualTo(3);
        String comingMember = members.stream().filter(m -> fixtures.as(m, () -> callOuts.mine(id)).mine() != null).findFirst().orElseThrow();
        String notAnswered = members.stream().filter(m -> fixtures.as(m, () -> callOuts.mine(id)).mine() == null).findFirst().orElseThrow();
        run(notAnswered, () -> callOuts.answer(id, false));
        // one who was coming cannot after all: open again, and someone else may come
        run(comingMember, () -> callOuts.answer(id, false));
        assertThat(fixtures.as(secretary, () -> callOuts.page(id)).callOut().getStatus()).isEqualTo(CallOut.Status.OPEN);
        run(notAnswered, () -> callOuts.answer(id, true));
        page = fixtures.as(secretary, () -> callOuts.page(id));
        assertThat(page.callOut().getStatus()).isEqualTo(CallOut.Status.STAFFED);
        assertThat(page.answers()).filteredOn(CallOuts.Answer::coming).hasSize(3);
        assertThat(page.answers()).filteredOn(a -> !a.coming()).hasSize(1);
        assertThat(page.activity().attendance()).isEmpty();
        run(secretary, () -> callOuts.close(id));
        assertThatThrownBy(() -> run(comingMember, () -> callOuts.answer(id, true)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("callout.closed"));
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("突击队他支部").id());
        assertThatThrownBy(() -> fixtures.as(stranger, () -> callOuts.page(id))).isInstanceOf(AccessDeniedException.class);
        long otherTeam = fixtures.group(GroupKind.COMMANDO_TEAM, fixtures.branch("突击队第三支部").id(), null);
        assertThatThrownBy(() -> fixtures.as(secretary, () -> callOuts.send(new CallOuts.Draft(otherTeam, "越界", "某处",
                LocalDateTime.now(clock).plusHours(1), LocalDateTime.now(clock).plusHours(2), 1)))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aVisitIsLoggedForABuildingsYoungPeopleRaisesAnIssueAndCountsTowardsTheQuarter() {
        Branch branch = fixtures.branch("走访支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long resident = fixtures.youth(branch.id(), "楼里青年");
        long neighbour = fixtures.youth(branch.id(), "楼里邻居");
        long elsewhere = fixtures.youth(branch.id(), "别栋青年");
        jdbc.sql("update person set compound_id = ?, building_id = ? where id in (?, ?)")
                .params(branch.compoundId(), branch.firstBuildingId(), resident, neighbour).update();
        jdbc.sql("update person set compound_id = ?, building_id = ? where id = ?").params(branch.compoundId(), branch.secondBuildingId(), elsewhere)
                .update();
        LocalDate today = LocalDate.now(clock);
        assertThatThrownBy(() -> fixtures.as(secretary, () -> visits.log(branch.firstBuildingId(), new Visits.Draft(elsewhere, today,
                Visits.Channel.VISIT, "聊了聊", false, null, null)))).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.field()).isEqualTo("personId"));
        fixtures.as(secretary, () -> visits.log(branch.firstBuildingId(), new Visits.Draft(resident, today, Visits.Channel.WECHAT,
                "想参加篮球兴趣小组，反映小区篮球架坏了", true, "LIFE", "WORRY")));

        Visits.BuildingPage page = fixtures.as(secretary, () -> visits.building(branch.firstBuildingId()));
        assertThat(page.residents()).filteredOn(r -> r.person().getId() == resident).singleElement()
                .satisfies(r -> assertThat(r.lastContact()).isEqualTo(today));
        assertThat(page.residents()).filteredOn(r -> r.person().getId() == neighbour).singleElement()
                .satisfies(r -> assertThat(r.lastContact()).isNull());
        Long issue = page.recent().get(0).issueId();
        assertThat(issue).isNotNull();
        assertThat(fixtures.as(secretary, () -> issues.page(issue)).row().issue().getBuildingId()).isEqualTo(branch.firstBuildingId());

        Visits.Overview overview = fixtures.as(secretary, () -> visits.overview(null));
        assertThat(overview.buildings()).filteredOn(b -> b.buildingId() == branch.firstBuildingId()).singleElement()
                .satisfies(b -> {
                    assertThat(b.youth()).isEqualTo(2);
                    assertThat(b.contacted()).isEqualTo(1);
                    assertThat(b.percent()).isEqualTo(50);
                });
        assertThat(overview.candidates()).extracting(Visits.VisitRow::personName).containsExactly("楼里青年");
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("走访他支部").id());
        assertThatThrownBy(() -> fixtures.as(stranger, () -> visits.log(branch.firstBuildingId(), new Visits.Draft(neighbour, today,
                Visits.Channel.PHONE, "越界", false, null, null)))).isInstanceOf(AccessDeniedException.class);
    }

    private void run(String account, Runnable work) {
        fixtures.as(account, () -> {
            work.run();
            return null;
        });
    }
}
