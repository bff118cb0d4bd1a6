package com.countyleague.recruitment;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.group.GroupKind;
import com.countyleague.group.GroupRole;
import com.countyleague.group.Groups;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.TestIds;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Applying once per campaign, approval into the ledgers and the group, and the funnel per channel. */
@IntegrationTest
class RecruitmentTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Recruitment recruitment;

    @Autowired
    Groups groups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Branch intake;
    long group;
    String code;
    long campaign;

    @BeforeEach
    void anOpenCampaign() {
        intake = fixtures.branch("招募测试团支部");
        group = fixtures.group(GroupKind.PRACTICE_GROUP, intake.id(), null);
        code = TestFixtures.uniqueCode("camp").toLowerCase();
        campaign = fixtures.as("admin", () -> recruitment.create(new Campaign.Details(code, "测试招募", null, intake.committeeId(),
                intake.id(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), true, List.of(new Campaign.Target(group, 10)),
                List.of(new Campaign.ChannelUse(Channel.UNIVERSITY, "四川文理学院"), new Campaign.ChannelUse(Channel.SELF_APPLICATION, null),
                        new Campaign.ChannelUse(Channel.ORG_NOMINATION, null)))));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSamePersonCannotApplyTwiceToOneCampaign() throws Exception {
        String id = TestIds.exactly(LocalDate.of(2003, 3, 3), Gender.FEMALE);
        apply("王申请", id, Channel.SELF_APPLICATION).andExpect(status().isOk())
                .andExpect(content().string(containsString("报名已提交")));
        apply("王申请", " " + id.toLowerCase() + " ", Channel.UNIVERSITY)
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("applicationForm", "idNumber", "application.duplicate"));
        assertThat(jdbc.sql("select count(*) from application where campaign_id = ?").param(campaign).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anApprovedNewcomerEntersTheYouthLedgerAndTheGroupAndAKnownPersonIsMatched() throws Exception {
        String newcomer = TestIds.exactly(LocalDate.of(2004, 4, 4), Gender.MALE);
        String known = TestIds.exactly(LocalDate.of(2001, 1, 1), Gender.FEMALE);
        long existing = fixtures.person(intake.id(), Ledger.LEAGUE_MEMBER, "老成员", known, null);
        apply("新青年", newcomer, Channel.UNIVERSITY).andExpect(status().isOk());
        apply("老成员", known, Channel.SELF_APPLICATION).andExpect(status().isOk());
        long people = jdbc.sql("select count(*) from person").query(Long.class).single();

        for (long application : applications()) {
            mvc.perform(post("/groups/{g}/applications/{a}/approve", group, application).with(fixtures.signedIn("admin")).with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }

        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(people + 1);
        var recorded = jdbc.sql("select p.ledger, p.organization_id, p.source_channel from person p join application a on a.person_id = p.id"
                + " where a.campaign_id = ? and a.name = '新青年'").param(campaign).query().singleRow();
        assertThat(recorded.get("ledger")).isEqualTo("YOUTH");
        assertThat(recorded.get("organization_id")).isEqualTo(intake.id());
        assertThat(recorded.get("source_channel")).isEqualTo("UNIVERSITY");
        assertThat(jdbc.sql("select person_id from application where campaign_id = ? and name = '老成员'").param(campaign)
                .query(Long.class).single()).isEqualTo(existing);
        assertThat(jdbc.sql("select count(*) from group_membership where group_id = ? and status = 'ACTIVE'").param(group)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void anIdentityNumberOfAnotherBranchsPersonUnderAnotherNameMergesNothingAndWaitsForTheirStaff() throws Exception {
        Branch elsewhere = fixtures.branch("别处招募团支部");
        String theirSecretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, elsewhere.id());
        String ourSecretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, intake.id());
        String taken = TestIds.exactly(LocalDate.of(2000, 7, 7), Gender.FEMALE);
        long holder = fixtures.person(elsewhere.id(), Ledger.LEAGUE_MEMBER, "乙原名", taken, "13966660000");
        apply("冒名者", taken, Channel.SELF_APPLICATION).andExpect(status().isOk());
        long application = applications().get(0);
        String leader = leaderOf(group);
        long people = jdbc.sql("select count(*) from person").query(Long.class).single();

        mvc.perform(post("/groups/{g}/applications/{a}/approve", group, application).with(fixtures.signedIn(leader)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", containsString("核实")));

        var held = jdbc.sql("select status, review_reason, matched_person_id, person_id from application where id = ?")
                .param(application).query().singleRow();
        assertThat(held.get("status")).isEqualTo("NEEDS_REVIEW");
        assertThat(held.get("review_reason")).isEqualTo("NAME_MISMATCH");
        assertThat(held.get("matched_person_id")).isEqualTo(holder);
        assertThat(held.get("person_id")).isNull();
        assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(people);
        assertThat(jdbc.sql("select name from person where id = ?").param(holder).query(String.class).single()).isEqualTo("乙原名");
        assertThat(jdbc.sql("select count(*) from group_membership where person_id = ?").param(holder).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from notification where person_id = ?").param(holder).query(Long.class).single()).isZero();
        // the approver learns nothing of the holder
        mvc.perform(get("/groups/{g}/applications", group).with(fixtures.signedIn(leader)))
                .andExpect(content().string(not(containsString("乙原名"))));

        // only the holder's own staff see the item, and they decide
        mvc.perform(get("/admin/campaigns/reviews").with(fixtures.signedIn(ourSecretary)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("冒名者"))));
        mvc.perform(post("/admin/campaigns/reviews/{id}/confirm", application).with(fixtures.signedIn(ourSecretary)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/campaigns/reviews").with(fixtures.signedIn(theirSecretary)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("冒名者")))
                .andExpect(content().string(containsString("乙原名")));
        mvc.perform(post("/admin/campaigns/reviews/{id}/refuse", application).with(fixtures.signedIn(theirSecretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status from application where id = ?").param(application).query(String.class).single())
                .isEqualTo("REJECTED");
        assertThat(jdbc.sql("select count(*) from group_membership where person_id = ?").param(holder).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_log where target = ?").param("person:" + holder).query(Long.class).single())
                .isZero();
    }

    @Test
    void aKnownPersonOfAnotherBranchJoinsOnlyOnceTheirOwnStaffConfirmIt() throws Exception {
        Branch elsewhere = fixtures.branch("外支部招募团支部");
        String theirSecretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, elsewhere.id());
        String number = TestIds.exactly(LocalDate.of(2001, 8, 8), Gender.MALE);
        long holder = fixtures.person(elsewhere.id(), Ledger.YOUTH, "同名青年", number, null);
        apply("同名青年", number, Channel.SELF_APPLICATION).andExpect(status().isOk());
        long application = applications().get(0);

        fixtures.as(leaderOf(group), () -> recruitment.approve(application));
        assertThat(jdbc.sql("select review_reason from application where id = ?").param(application).query(String.class).single())
                .isEqualTo("OUTSIDE_REACH");
        assertThat(jdbc.sql("select count(*) from group_membership where person_id = ?").param(holder).query(Long.class).single()).isZero();

        mvc.perform(post("/admin/campaigns/reviews/{id}/confirm", application).with(fixtures.signedIn(theirSecretary)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status, person_id from application where id = ?").param(application).query().singleRow())
                .containsEntry("status", "APPROVED").containsEntry("person_id", holder);
        assertThat(jdbc.sql("select count(*) from group_membership where group_id = ? and person_id = ? and status = 'ACTIVE'")
                .params(group, holder).query(Long.class).single()).isEqualTo(1);
    }

    /** An account for the head of the group, who reviews its applications. */
    private String leaderOf(long groupId) {
        long head = fixtures.youth(intake.id(), "招募团长");
        long membership = fixtures.enrol(groupId, head).getId();
        fixtures.as("admin", () -> {
            groups.appoint(membership, GroupRole.OWNER);
            return null;
        });
        return fixtures.accountFor(head, intake.id());
    }

    @Test
    void onlyThoseWhoRunTheTargetGroupReviewItsApplications() throws Exception {
        apply("某青年", TestIds.of(LocalDate.of(2002, 2, 2), Gender.MALE), Channel.SELF_APPLICATION);
        long application = applications().get(0);
        long otherGroup = fixtures.group(GroupKind.INTEREST_GROUP, intake.id(), null);
        long stranger = fixtures.youth(intake.id(), "别组组长");
        long owner = fixtures.enrol(otherGroup, stranger).getId();
        fixtures.as("admin", () -> {
            groups.appoint(owner, GroupRole.OWNER);
            return null;
        });
        String account = fixtures.accountFor(stranger, intake.id());
        mvc.perform(get("/groups/{g}/applications", group).with(fixtures.signedIn(account))).andExpect(status().isForbidden());
        mvc.perform(post("/groups/{g}/applications/{a}/approve", otherGroup, application).with(fixtures.signedIn(account)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select status from application where id = ?").param(application).query(String.class).single())
                .isEqualTo("SUBMITTED");
    }

    @Test
    void theFunnelCountsEachChannelFromTheData() {
        String[] ids = new String[6];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = TestIds.of(LocalDate.of(1999, 5, 5).plusDays(i), Gender.MALE);
        }
        Channel[] channels = {Channel.UNIVERSITY, Channel.UNIVERSITY, Channel.UNIVERSITY, Channel.SELF_APPLICATION,
                Channel.SELF_APPLICATION, Channel.UNIVERSITY};
        long[] applications = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            int n = i;
            applications[i] = recruitment.apply(code, new Application.Form(group, channels[n], null, "漏斗" + "甲乙丙丁戊己".charAt(n),
                    ids[n], "1390000000" + n, null, null, null));
        }
        fixtures.as("admin", () -> {
            recruitment.approve(applications[0]);
            recruitment.approve(applications[1]);
            recruitment.approve(applications[3]);
            recruitment.reject(applications[2], "不符合");
            return null;
        });
        long left = jdbc.sql("select person_id from application where id = ?").param(applications[1]).query(Long.class).single();
        jdbc.sql("update group_membership set status = 'LEFT', ended_at = now() where group_id = ? and person_id = ?")
                .params(group, left).update();

        clock.advance(Duration.ofDays(91));
        Map<Channel, Recruitment.FunnelRow> funnel = funnelByChannel();
        assertThat(funnel.get(Channel.UNIVERSITY)).isEqualTo(new Recruitment.FunnelRow(Channel.UNIVERSITY, 4, 2, 2, 1));
        assertThat(funnel.get(Channel.SELF_APPLICATION)).isEqualTo(new Recruitment.FunnelRow(Channel.SELF_APPLICATION, 2, 1, 1, 1));

        clock.reset();
        assertThat(funnelByChannel().get(Channel.UNIVERSITY).stayed()).isZero();
    }

    @Test
    void anOrganisationNominatesOnlyPeopleOfItsReach() {
        String known = TestIds.exactly(LocalDate.of(2000, 6, 6), Gender.MALE);
        fixtures.person(intake.id(), Ledger.LEAGUE_MEMBER, "被举荐", known, null);
        Branch elsewhere = fixtures.branch("别处团支部");
        String other = TestIds.exactly(LocalDate.of(2000, 7, 7), Gender.MALE);
        fixtures.person(elsewhere.id(), Ledger.LEAGUE_MEMBER, "别处的人", other, null);
        String secretary = fixtures.account(Role.BRANCH_SECRETARY, intake.id());

        long nomination = fixtures.as(secretary, () -> recruitment.nominate(campaign, new Application.Form(group, Channel.UNIVERSITY,
                null, "被举荐", known, null, null, null, null)));
        assertThat(jdbc.sql("select channel, nominated_by_org from application where id = ?").param(nomination).query().singleRow())
                .containsEntry("channel", "ORG_NOMINATION").containsEntry("nominated_by_org", intake.id());
        assertThatThrownBy(() -> fixtures.as(secretary, () -> recruitment.nominate(campaign, new Application.Form(group,
                Channel.ORG_NOMINATION, null, "别处的人", other, null, null, null, null))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("application.nomination.unknown-person"));
    }

    @Test
    void thePublicPageIsClosedOutsideItsPeriodAndAnUnpublishedCampaignIsNotFound() throws Exception {
        clock.advance(Duration.ofDays(40));
        mvc.perform(get("/join/{code}", code)).andExpect(status().isOk())
                .andExpect(content().string(containsString("本次招募不在报名期内")));
        apply("迟到者", TestIds.of(LocalDate.of(2001, 8, 8), Gender.MALE), Channel.SELF_APPLICATION)
                .andExpect(content().string(containsString("本次招募不在报名期内")));
        mvc.perform(get("/join/{code}", "no-such-campaign")).andExpect(status().isNotFound());
    }

    private ResultActions apply(String name, String id, Channel channel) throws Exception {
        return mvc.perform(post("/join/{code}", code).with(csrf())
                .param("groupId", Long.toString(group)).param("channel", channel.name()).param("name", name)
                .param("idNumber", id).param("mobile", "13812345678"));
    }

    private List<Long> applications() {
        return jdbc.sql("select id from application where campaign_id = ? order by id").param(campaign).query(Long.class).list();
    }

    private Map<Channel, Recruitment.FunnelRow> funnelByChannel() {
        return fixtures.as("admin", () -> recruitment.page(campaign)).funnel().stream()
                .collect(Collectors.toMap(Recruitment.FunnelRow::channel, r -> r));
    }
}
