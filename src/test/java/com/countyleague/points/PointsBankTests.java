package com.countyleague.points;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.activity.CheckIns;
import com.countyleague.activity.MemberCheckedIn;
import com.countyleague.activity.Attendance;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The ledger: append-only in the database, paid once per event, versioned rules and caps, tiers by earnings, expiry, the books. */
@IntegrationTest
class PointsBankTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    PointsBank bank;

    @Autowired
    EarningRules rules;

    @Autowired
    Earnings earnings;

    @Autowired
    Rewards rewards;

    @Autowired
    Activities activities;

    @Autowired
    CheckIns checkIns;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Branch branch;
    String secretary;
    String member;
    long person;

    @BeforeEach
    void aMemberAndTheirSecretary() {
        branch = fixtures.branch("积分测试团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        member = fixtures.members(branch.id(), "积分成员", 1).get(0);
        person = fixtures.personOf(member);
    }

    @AfterEach
    void resetClockAndSettings() {
        clock.reset();
        fixtures.as("admin", () -> {
            rules.saveSettings(null, 7);
            return null;
        });
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteLedgerEntriesAndANegativeBalance() {
        adjust(person, 50);
        long entry = jdbc.sql("select id from points_entry where person_id = ?").param(person).query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update points_entry set amount = 500 where id = ?").param(entry).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from points_entry where id = ?").param(entry).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update points_account set balance = -1 where person_id = ?").param(person).update())
                .hasMessageContaining("check");
        assertThat(balance(person)).isEqualTo(50);
    }

    @Test
    void aCheckInEarnsOnceEvenWhenItsEventIsDeliveredAgain() {
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "积分测试活动", null, null, clock.instant().minus(Duration.ofMinutes(10)), clock.instant().plus(Duration.ofHours(2)),
                    null, null, null, new BigDecimal("2")));
            activities.publish(id);
            return id;
        });
        String code = fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).code());
        fixtures.as(member, () -> checkIns.enterCode(activity, code));

        await().atMost(Duration.ofSeconds(10)).until(() -> earned(person) == 5);
        MemberCheckedIn again = new MemberCheckedIn(0, activity, "积分测试活动", person, null, branch.id(), Activity.Type.VOLUNTEER_SERVICE,
                Attendance.Method.CODE, clock.instant());
        earnings.on(again);
        earnings.on(again);
        assertThat(earned(person)).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from points_entry where person_id = ? and kind = 'EARN'").param(person).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select reason from points_entry where person_id = ?").param(person).query(String.class).single())
                .isEqualTo("积分测试活动");
    }

    @Test
    void aNewRuleVersionAppliesFromItsDayAndLeavesEarlierEntriesAsTheyWere() {
        LocalDate today = LocalDate.now(clock);
        // far enough ahead that no other test (or a rerun on the same database) meets this version
        LocalDate from = today.plusDays(1000 + (System.nanoTime() % 5000));
        bank.earn(earning(today, 1, 0, "rule:a"));
        PointsEntryRow first = entry("rule:a");
        assertThat(first.amount()).isEqualTo(2);

        fixtures.as("admin", () -> rules.addRule(new EarningRules.RuleDraft(PointsRule.Source.ACTIVITY, Activity.Type.INTEREST, 20, 0,
                null, null, from)));
        assertThatThrownBy(() -> fixtures.as("admin", () -> rules.addRule(new EarningRules.RuleDraft(PointsRule.Source.ACTIVITY,
                Activity.Type.INTEREST, 1, 0, null, null, today.minusDays(1)))))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("rule.from.past"));
        bank.earn(earning(from, 1, 0, "rule:b"));

        assertThat(entry("rule:a")).isEqualTo(first);
        assertThat(entry("rule:b").amount()).isEqualTo(20);
        assertThat(entry("rule:b").ruleId()).isNotEqualTo(first.ruleId());
    }

    @Test
    void earningsStopAtTheDailyAndMonthlyCaps() {
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < 5; i++) {
            // a volunteer service: 5 for attending and 10 an hour, at most 60 a day
            bank.earn(new PointsBank.Earning(person, PointsRule.Source.ACTIVITY, Activity.Type.VOLUNTEER_SERVICE, today, 1, 120,
                    PointsEntry.Ref.ACTIVITY, 1000L + i, "服务" + i, "cap:" + person + ":" + i));
        }
        assertThat(earned(person)).isEqualTo(60);
        assertThat(jdbc.sql("select string_agg(amount::text, ',' order by id) from points_entry where person_id = ?").param(person)
                .query(String.class).single()).isEqualTo("25,25,10");
    }

    @Test
    void theTierFollowsPointsEarnedNotTheBalance() throws Exception {
        adjust(person, 250);
        long item = item(100, 10);
        fixtures.as(member, () -> rewards.redeem(item, UUID.randomUUID().toString()));

        PointsBank.Overview view = fixtures.as(member, () -> bank.mine(PageRequest.of(0, 20)));
        assertThat(view.balance()).isEqualTo(150);
        assertThat(view.earnedTotal()).isEqualTo(250);
        assertThat(view.standing().tier().getName()).isEqualTo("青禾");
        assertThat(view.standing().next().getName()).isEqualTo("青松");
        mvc.perform(get("/me/points").with(fixtures.signedIn(member)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("青禾")))
                .andExpect(content().string(containsString(">150<")));
    }

    @Test
    void pointsUnspentAfterTheYearsOfValidityExpireOnceOldestFirst() throws Exception {
        fixtures.as("admin", () -> {
            rules.saveSettings(1, 7);
            return null;
        });
        LocalDate today = LocalDate.now(clock);
        bank.earn(earning(today.minusYears(2), 1, 0, "old:1"));
        bank.earn(earning(today.minusYears(2).plusDays(1), 1, 0, "old:2"));
        bank.earn(earning(today.minusDays(3), 1, 0, "new:1"));
        adjust(person, -3);
        mvc.perform(get("/me/points").with(fixtures.signedIn(member)))
                .andExpect(content().string(containsString("1 积分将在30天内到期")));

        assertThat(fixtures.as("admin", () -> bank.expire(today))).isPositive();
        fixtures.as("admin", () -> bank.expire(today));
        // 2 + 2 earned two years ago, 3 spent since (oldest first): 1 expires, once; the 2 earned this week stay
        assertThat(jdbc.sql("select coalesce(sum(amount), 0) from points_entry where person_id = ? and kind = 'EXPIRE'").param(person)
                .query(Integer.class).single()).isEqualTo(-1);
        assertThat(balance(person)).isEqualTo(2);
        assertThat(fixtures.as("admin", () -> bank.check())).isEmpty();
    }

    @Test
    void theCheckFindsABalanceThatDisagreesWithItsEntries() {
        adjust(person, 40);
        assertThat(fixtures.as("admin", () -> bank.check())).noneMatch(m -> m.personId() == person);
        jdbc.sql("update points_account set balance = balance + 1 where person_id = ?").param(person).update();
        try {
            assertThat(fixtures.as("admin", () -> bank.check())).anyMatch(m -> m.personId() == person && m.balance() == 41 && m.entriesSum() == 40);
            assertThatThrownBy(() -> fixtures.as(secretary, () -> bank.check())).hasMessageContaining("may not");
        } finally {
            jdbc.sql("update points_account set balance = balance - 1 where person_id = ?").param(person).update();
        }
    }

    @Test
    void aMemberCannotReadAnotherMembersPointsByUrlOrApi() throws Exception {
        String other = fixtures.members(branch.id(), "别人", 1).get(0);
        long otherPerson = fixtures.personOf(other);
        adjust(otherPerson, 77);
        adjust(person, 12);

        mvc.perform(get("/admin/points/accounts/{id}", otherPerson).with(fixtures.signedIn(member))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me/points").with(fixtures.signedIn(member)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(12))
                .andExpect(jsonPath("$.entries[0].amount").value(12));
        mvc.perform(get("/me/points").with(fixtures.signedIn(member)))
                .andExpect(content().string(not(containsString(">77<"))));
        mvc.perform(get("/api/v1/me/points")).andExpect(status().isUnauthorized());

        Branch elsewhere = fixtures.branch("积分别处团支部");
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, elsewhere.id());
        // another branch's person and ledger: as if absent
        mvc.perform(get("/admin/points/accounts/{id}", otherPerson).with(fixtures.signedIn(stranger))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/points/accounts/{id}/adjust", otherPerson).param("amount", "1000").param("reason", "试图加分")
                .param("requestKey", UUID.randomUUID().toString()).with(fixtures.signedIn(stranger)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/points/accounts/{id}", otherPerson).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(">77<")));
        assertThat(balance(otherPerson)).isEqualTo(77);
    }

    @Test
    void anAdjustmentNeedsAReasonIsAuditedAndASecondSubmitOfTheSameFormAdjustsOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        mvc.perform(post("/admin/points/accounts/{id}/adjust", person).param("amount", "30").param("reason", " ")
                .param("requestKey", key).with(fixtures.signedIn(secretary)).with(csrf()));
        assertThat(balance(person)).isZero();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/admin/points/accounts/{id}/adjust", person).param("amount", "30").param("reason", "补录三月活动积分")
                    .param("requestKey", key).with(fixtures.signedIn(secretary)).with(csrf()));
        }
        assertThat(balance(person)).isEqualTo(30);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'ADJUST_POINTS' and target = ?").param("person:" + person)
                .query(Long.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> fixtures.as(secretary, () -> {
            bank.adjust(person, -31, "扣多了", UUID.randomUUID().toString());
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    private PointsBank.Earning earning(LocalDate day, int attendances, int minutes, String key) {
        return new PointsBank.Earning(person, PointsRule.Source.ACTIVITY, Activity.Type.INTEREST, day, attendances, minutes,
                PointsEntry.Ref.ACTIVITY, 1L, "兴趣活动", key + ":" + person);
    }

    record PointsEntryRow(int amount, long ruleId, Instant createdAt) {
    }

    private PointsEntryRow entry(String key) {
        return jdbc.sql("select amount, rule_id, created_at from points_entry where idempotency_key = ?").param(key + ":" + person)
                .query((rs, n) -> new PointsEntryRow(rs.getInt(1), rs.getLong(2), rs.getTimestamp(3).toInstant())).single();
    }

    private void adjust(long who, int amount) {
        fixtures.as("admin", () -> {
            bank.adjust(who, amount, "测试调整", UUID.randomUUID().toString());
            return null;
        });
    }

    private long item(int cost, int stock) {
        return fixtures.as("admin", () -> {
            long id = rewards.create(new RewardItem.Details("测试物品" + TestFixtures.uniqueCode("R"), null, RewardItem.Kind.GOODS, "社区超市",
                    branch.id(), cost, stock, null, null, null, null));
            rewards.publish(id, true);
            return id;
        });
    }

    private int balance(long who) {
        return jdbc.sql("select coalesce((select balance from points_account where person_id = ?), 0)").param(who).query(Integer.class).single();
    }

    private int earned(long who) {
        return jdbc.sql("select coalesce((select earned_total from points_account where person_id = ?), 0)").param(who).query(Integer.class).single();
    }
}
