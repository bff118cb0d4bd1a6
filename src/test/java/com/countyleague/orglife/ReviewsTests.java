package com.countyleague.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.PersonSearch;
import com.countyleague.member.PersonStatus;
import com.countyleague.member.ReviewGrade;
import com.countyleague.member.TestIds;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 团员教育评议 and 团籍注册: two thirds attending and 30 % 优秀, each at its boundary; registration by grade; reach. */
@IntegrationTest
class ReviewsTests {

    /** noon in the county, 15 December 2026 */
    private static final Instant DECEMBER_15 = Instant.parse("2026-12-15T04:00:00Z");

    @Autowired
    Reviews reviews;

    @Autowired
    Meetings meetings;

    @Autowired
    People people;

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
    List<Long> members;

    @BeforeEach
    void aBranchOfTen() {
        clock.setTo(DECEMBER_15);
        branch = fixtures.branch("评议测试团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        members = members(branch, 10);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoThirdsOfTheMembersMustHaveAttendedTheAssembly() {
        long six = assembly(members.subList(0, 6));
        assertThatThrownBy(() -> open(six)).isInstanceOf(RuleViolationException.class)
                .satisfies(e -> assertThat(((RuleViolationException) e).arguments()).containsExactly(6, 10, 7));
        assertThat(jdbc.sql("select count(*) from review_round where organization_id = ?").param(branch.id()).query(Long.class).single()).isZero();
        long seven = assembly(members.subList(0, 7));
        assertThat(open(seven)).isPositive();

        // nine members: six is exactly two thirds, five is not
        Branch nine = fixtures.branch("九人评议团支部");
        String nineSecretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, nine.id());
        List<Long> ofNine = members(nine, 9);
        long five = fixtures.as(nineSecretary, () -> meetings.record(new Meetings.Draft(nine.id(), MeetingKind.BRANCH_ASSEMBLY,
                LocalDate.of(2026, 12, 1), "评议大会", "", new HashSet<>(ofNine.subList(0, 5)), null)));
        long sixOfNine = fixtures.as(nineSecretary, () -> meetings.record(new Meetings.Draft(nine.id(), MeetingKind.BRANCH_ASSEMBLY,
                LocalDate.of(2026, 12, 2), "评议大会", "", new HashSet<>(ofNine.subList(0, 6)), null)));
        assertThatThrownBy(() -> fixtures.as(nineSecretary, () -> reviews.open(five))).isInstanceOf(RuleViolationException.class);
        assertThat(fixtures.as(nineSecretary, () -> reviews.open(sixOfNine))).isPositive();
    }

    @Test
    void atMostThirtyPercentAreExcellentAndTheFourthInABranchOfTenIsRefused() throws Exception {
        long round = open(assembly(members));
        grade(round, Map.of(members.get(0), ReviewGrade.EXCELLENT, members.get(1), ReviewGrade.EXCELLENT, members.get(2), ReviewGrade.EXCELLENT));
        mvc.perform(post("/admin/reviews/" + round + "/grades").param("grade-" + members.get(3), "EXCELLENT")
                        .param("grade-" + members.get(4), "QUALIFIED").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat((String) r.getFlashMap().get("failure")).isEqualTo(
                        "\"优秀\"不得超过参评团员的 30%：本支部 10 名团员参评，最多 3 名优秀。"));
        // all or nothing: the fifth member's grade, sent with the refused fourth 优秀, is not kept either
        assertThat(gradeOf(round, members.get(3))).isEqualTo("UNGRADED");
        assertThat(gradeOf(round, members.get(4))).isEqualTo("UNGRADED");
        assertThat(jdbc.sql("select count(*) from review_grade where round_id = ? and grade = 'EXCELLENT'").param(round).query(Long.class).single())
                .isEqualTo(3);
        // regrading one of the three frees the place
        grade(round, Map.of(members.get(0), ReviewGrade.QUALIFIED, members.get(3), ReviewGrade.EXCELLENT));
        assertThat(gradeOf(round, members.get(3))).isEqualTo("EXCELLENT");

        // seven members: 30 % is 2.1, so two
        Branch seven = fixtures.branch("七人评议团支部");
        String sevenSecretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, seven.id());
        List<Long> ofSeven = members(seven, 7);
        long sevenRound = fixtures.as(sevenSecretary, () -> reviews.open(meetings.record(new Meetings.Draft(seven.id(),
                MeetingKind.BRANCH_ASSEMBLY, LocalDate.of(2026, 12, 1), "评议大会", "", new HashSet<>(ofSeven), null))));
        assertThatThrownBy(() -> fixtures.as(sevenSecretary, () -> {
            reviews.grade(sevenRound, Map.of(ofSeven.get(0), ReviewGrade.EXCELLENT, ofSeven.get(1), ReviewGrade.EXCELLENT,
                    ofSeven.get(2), ReviewGrade.EXCELLENT));
            return null;
        })).isInstanceOf(RuleViolationException.class);
        fixtures.as(sevenSecretary, () -> {
            reviews.grade(sevenRound, Map.of(ofSeven.get(0), ReviewGrade.EXCELLENT, ofSeven.get(1), ReviewGrade.EXCELLENT));
            return null;
        });
    }

    @Test
    void onlyMembersGradedBasicallyQualifiedOrBetterAreRegisteredWhenTheCommitteeApproves() throws Exception {
        long round = open(assembly(members));
        Map<Long, ReviewGrade> grades = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            grades.put(members.get(i), i < 3 ? ReviewGrade.EXCELLENT : i < 7 ? ReviewGrade.QUALIFIED : i < 9 ? ReviewGrade.BASIC
                    : ReviewGrade.UNQUALIFIED);
        }
        grade(round, Map.of(members.get(0), ReviewGrade.QUALIFIED));
        assertThatThrownBy(() -> submit(round)).as("nine are not graded").isInstanceOf(RuleViolationException.class);
        grade(round, grades);
        submit(round);
        assertThatThrownBy(() -> grade(round, Map.of(members.get(9), ReviewGrade.BASIC))).as("submitted").isInstanceOf(RuleViolationException.class);

        // the branch's own secretary does not approve their own round; the committee above does
        mvc.perform(post("/admin/reviews/" + round + "/approve").with(fixtures.signedIn(secretary)).with(csrf())).andExpect(status().isForbidden());
        assertThat(registered()).isZero();
        String committee = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        mvc.perform(post("/admin/reviews/" + round + "/approve").with(fixtures.signedIn(committee)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(registered()).isEqualTo(9);
        assertThat(jdbc.sql("select registered from league_registration where person_id = ? and year = 2026").param(members.get(9))
                .query(Boolean.class).single()).isFalse();
        assertThat(listed(true)).hasSize(9).doesNotContain(members.get(9));
        assertThat(listed(false)).containsExactly(members.get(9));
        String page = mvc.perform(get("/admin/people/" + members.get(9)).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("2026年：未注册（评议不合格）");
        String round9 = mvc.perform(get("/admin/reviews/" + round).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(round9).contains("已注册 9/10 名团员", "本年度不予注册");
    }

    @Test
    void theCommitteeReturnsARoundWhichTheBranchMayThenCorrect() {
        long round = open(assembly(members));
        Map<Long, ReviewGrade> grades = new LinkedHashMap<>();
        members.forEach(m -> grades.put(m, ReviewGrade.QUALIFIED));
        grade(round, grades);
        submit(round);
        String committee = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        assertThatThrownBy(() -> fixtures.as(committee, () -> {
            reviews.returnRound(round, " ");
            return null;
        })).isInstanceOf(RuleViolationException.class);
        fixtures.as(committee, () -> {
            reviews.returnRound(round, "请核实第十名团员的等次");
            return null;
        });
        grade(round, Map.of(members.get(9), ReviewGrade.BASIC));
        assertThat(gradeOf(round, members.get(9))).isEqualTo("BASIC");
        assertThat(registered()).isZero();
    }

    @Test
    void anotherBranchsSecretaryCannotOpenGradeSubmitOrRegisterHere() throws Exception {
        long assembly = assembly(members);
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("别的评议团支部").id());
        mvc.perform(post("/admin/reviews").param("meetingId", String.valueOf(assembly)).with(fixtures.signedIn(stranger)).with(csrf()))
                .andExpect(status().isForbidden());
        long round = open(assembly);
        mvc.perform(post("/admin/reviews/" + round + "/grades").param("grade-" + members.get(0), "BASIC")
                .with(fixtures.signedIn(stranger)).with(csrf())).andExpect(status().isForbidden());
        assertThat(gradeOf(round, members.get(0))).isEqualTo("UNGRADED");
        // nor does this branch's secretary grade another branch's member through a field of their own round
        long outsider = fixtures.person(fixtures.branch("评议外支部").id(), Ledger.LEAGUE_MEMBER, "外支部团员",
                TestIds.of(LocalDate.of(2000, 6, 6), Gender.MALE), null);
        mvc.perform(post("/admin/reviews/" + round + "/grades").param("grade-" + outsider, "EXCELLENT").param("grade-" + members.get(0), "BASIC")
                        .with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat((String) r.getFlashMap().get("failure")).isEqualTo("只能评定本轮评议中的团员。"));
        assertThat(jdbc.sql("select count(*) from review_grade where person_id = ?").param(outsider).query(Long.class).single()).isZero();
        assertThat(gradeOf(round, members.get(0))).isEqualTo("UNGRADED");
        Map<Long, ReviewGrade> grades = new LinkedHashMap<>();
        members.forEach(m -> grades.put(m, ReviewGrade.QUALIFIED));
        grade(round, grades);
        mvc.perform(post("/admin/reviews/" + round + "/submit").with(fixtures.signedIn(stranger)).with(csrf())).andExpect(status().isForbidden());
        submit(round);
        mvc.perform(post("/admin/reviews/" + round + "/approve").with(fixtures.signedIn(stranger)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/reviews/" + round).with(fixtures.signedIn(stranger))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/reviews").param("org", String.valueOf(branch.id())).with(fixtures.signedIn(stranger)))
                .andExpect(status().isForbidden());
        assertThat(registered()).isZero();
        assertThat(jdbc.sql("select status from review_round where id = ?").param(round).query(String.class).single()).isEqualTo("SUBMITTED");
    }

    private List<Long> members(Branch of, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(fixtures.person(of.id(), Ledger.LEAGUE_MEMBER, of.name().substring(0, 2) + "团员" + (char) ('A' + i),
                    TestIds.of(LocalDate.of(2000, 1, 1 + i), Gender.FEMALE), null));
        }
        return ids;
    }

    private long assembly(List<Long> came) {
        return fixtures.as(secretary, () -> meetings.record(new Meetings.Draft(branch.id(), MeetingKind.BRANCH_ASSEMBLY,
                LocalDate.of(2026, 12, 1), "团员教育评议大会", "", Set.copyOf(came), null)));
    }

    private long open(long meeting) {
        return fixtures.as(secretary, () -> reviews.open(meeting));
    }

    private void grade(long round, Map<Long, ReviewGrade> grades) {
        fixtures.as(secretary, () -> {
            reviews.grade(round, grades);
            return null;
        });
    }

    private void submit(long round) {
        fixtures.as(secretary, () -> {
            reviews.submit(round);
            return null;
        });
    }

    private String gradeOf(long round, long person) {
        return jdbc.sql("select coalesce(grade, 'UNGRADED') from review_grade where round_id = ? and person_id = ?").params(round, person)
                .query(String.class).single();
    }

    private long registered() {
        return jdbc.sql("select count(*) from league_registration where person_id = any(?) and registered")
                .param(members.toArray(Long[]::new)).query(Long.class).single();
    }

    private List<Long> listed(boolean registered) {
        return fixtures.as(secretary, () -> people.search(new PersonSearch(Ledger.LEAGUE_MEMBER, branch.id(), null, null, null, null, null,
                null, null, PersonStatus.ACTIVE, null, null, registered), PageRequest.of(0, 50)).getContent().stream().map(p -> p.id()).toList());
    }
}
