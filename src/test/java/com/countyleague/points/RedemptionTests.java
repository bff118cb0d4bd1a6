package com.countyleague.points;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.imageio.ImageIO;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.web.RuleViolationException;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Redemptions under load: never oversold, never overdrawn, refunded once; the JSON API; the pickup desk. */
@IntegrationTest
class RedemptionTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    PointsBank bank;

    @Autowired
    Rewards rewards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    Branch branch;
    String secretary;

    @BeforeEach
    void aBranch() {
        branch = fixtures.branch("兑换测试团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoHundredMembersAfterFiftyItemsGetExactlyFiftyAndTheBooksBalance() throws Exception {
        List<String> members = fixtures.members(branch.id(), "抢兑", 200);
        members.forEach(m -> adjust(fixtures.personOf(m), 30));
        long item = item(10, 50, null);

        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (String m : members) {
            attempts.add(() -> fixtures.as(m, () -> {
                try {
                    rewards.redeem(item, UUID.randomUUID().toString());
                    return true;
                } catch (RuleViolationException refused) {
                    assertThat(refused.messageKey()).isEqualTo("reward.out-of-stock");
                    return false;
                }
            }));
        }
        List<Boolean> outcomes = TestFixtures.atOnce(attempts, 16);

        assertThat(outcomes.stream().filter(b -> b).count()).isEqualTo(50);
        assertThat(jdbc.sql("select stock from reward_item where id = ?").param(item).query(Integer.class).single()).isZero();
        long[] books = jdbc.sql("""
                        select coalesce(sum(a.balance), 0),
                               (select coalesce(sum(-e.amount), 0) from points_entry e where e.person_id = any(?) and e.kind = 'REDEEM'),
                               (select coalesce(sum(e.amount), 0) from points_entry e where e.person_id = any(?) and e.amount > 0)
                        from points_account a where a.person_id = any(?)""")
                .params(ids(members), ids(members), ids(members))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        assertThat(books[1]).isEqualTo(500);
        assertThat(books[0] + books[1]).isEqualTo(books[2]).isEqualTo(6000);
        assertThat(fixtures.as("admin", () -> bank.check())).isEmpty();
    }

    @Test
    void aMemberWithPointsForThreeFiringTwentyRedemptionsAtOnceGetsThree() throws Exception {
        String member = fixtures.members(branch.id(), "连点", 1).get(0);
        long person = fixtures.personOf(member);
        adjust(person, 30);
        long item = item(10, 100, null);

        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> fixtures.as(member, () -> {
                try {
                    rewards.redeem(item, UUID.randomUUID().toString());
                    return true;
                } catch (RuleViolationException refused) {
                    assertThat(refused.messageKey()).isEqualTo("points.short");
                    return false;
                }
            }));
        }
        assertThat(TestFixtures.atOnce(attempts, 20).stream().filter(b -> b).count()).isEqualTo(3);
        assertThat(balance(person)).isZero();
        assertThat(jdbc.sql("select stock from reward_item where id = ?").param(item).query(Integer.class).single()).isEqualTo(97);
    }

    @Test
    void theSameRequestSentTwiceRedeemsOnce() {
        String member = fixtures.members(branch.id(), "重发", 1).get(0);
        long person = fixtures.personOf(member);
        adjust(person, 50);
        long item = item(10, 5, null);
        String key = UUID.randomUUID().toString();
        Redemption first = fixtures.as(member, () -> rewards.redeem(item, key));
        Redemption again = fixtures.as(member, () -> rewards.redeem(item, key));
        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(balance(person)).isEqualTo(40);
    }

    @Test
    void aCancelledRedemptionRefundsOnceEvenWhenCancelledTwiceAtOnce() throws Exception {
        String member = fixtures.members(branch.id(), "取消", 1).get(0);
        long person = fixtures.personOf(member);
        adjust(person, 25);
        long item = item(20, 1, null);
        long redemption = fixtures.as(member, () -> rewards.redeem(item, UUID.randomUUID().toString())).getId();
        assertThat(balance(person)).isEqualTo(5);

        List<Callable<Boolean>> cancels = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            cancels.add(() -> fixtures.as(member, () -> {
                try {
                    rewards.cancel(redemption);
                    return true;
                } catch (RuleViolationException refused) {
                    assertThat(refused.messageKey()).isEqualTo("redemption.not-reserved");
                    return false;
                }
            }));
        }
        assertThat(TestFixtures.atOnce(cancels, 2)).containsExactlyInAnyOrder(true, false);
        assertThatThrownBy(() -> fixtures.as(member, () -> {
            rewards.cancel(redemption);
            return null;
        })).isInstanceOf(RuleViolationException.class);

        assertThat(balance(person)).isEqualTo(25);
        assertThat(jdbc.sql("select count(*) from points_entry where person_id = ? and kind = 'REFUND'").param(person).query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select stock from reward_item where id = ?").param(item).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theReportCountsWhatTheLedgerHoldsWithinTheCallersReach() {
        List<String> members = fixtures.members(branch.id(), "报表", 2);
        long first = fixtures.personOf(members.get(0));
        adjust(first, 100);
        adjust(fixtures.personOf(members.get(1)), 40);
        long item = item(30, 5, null);
        fixtures.as(members.get(0), () -> rewards.redeem(item, UUID.randomUUID().toString()));
        long cancelled = fixtures.as(members.get(0), () -> rewards.redeem(item, UUID.randomUUID().toString())).getId();
        fixtures.as(members.get(0), () -> {
            rewards.cancel(cancelled);
            return null;
        });

        LocalDate today = LocalDate.now(clock);
        PointsBank.Report report = fixtures.as(secretary, () -> bank.report(today.withDayOfMonth(1), today));
        String unit = jdbc.sql("select name from organization where id = ?").param(branch.id()).query(String.class).single();
        assertThat(report.months()).containsExactly(new PointsBank.ReportRow(YearMonth.from(today).toString(), 140, 30, 0, 110));
        assertThat(report.organizations()).containsExactly(new PointsBank.ReportRow(unit, 140, 30, 0, 110));

        Branch elsewhere = fixtures.branch("报表别处团支部");
        String otherSecretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, elsewhere.id());
        PointsBank.Report theirs = fixtures.as(otherSecretary, () -> bank.report(today.withDayOfMonth(1), today));
        assertThat(theirs.organizations()).extracting(PointsBank.ReportRow::label).doesNotContain(unit);
        assertThat(theirs.months()).isEmpty();
        assertThatThrownBy(() -> fixtures.as(members.get(1), () -> bank.report(today, today))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aReservationNotPickedUpInTimeExpiresWithItsRefund() {
        String member = fixtures.members(branch.id(), "过期", 1).get(0);
        long person = fixtures.personOf(member);
        adjust(person, 10);
        long item = item(10, 3, null);
        long redemption = fixtures.as(member, () -> rewards.redeem(item, UUID.randomUUID().toString())).getId();

        fixtures.as("admin", () -> rewards.expireReservations());
        assertThat(statusOf(redemption)).isEqualTo("RESERVED");
        clock.advance(Duration.ofDays(8));
        fixtures.as("admin", () -> rewards.expireReservations());
        fixtures.as("admin", () -> rewards.expireReservations());

        assertThat(statusOf(redemption)).isEqualTo("EXPIRED");
        assertThat(balance(person)).isEqualTo(10);
        assertThat(jdbc.sql("select stock from reward_item where id = ?").param(item).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void theTierLimitAndValidityOfAnItemAreKept() {
        String member = fixtures.members(branch.id(), "等级", 1).get(0);
        long person = fixtures.personOf(member);
        adjust(person, 100);
        long gold = jdbc.sql("select id from points_tier where min_earned = 800").query(Long.class).single();
        long forGold = item(10, 10, gold);
        long once = fixtures.as("admin", () -> {
            long id = rewards.create(new RewardItem.Details("限兑一次" + TestFixtures.uniqueCode("R"), null, RewardItem.Kind.SERVICE, "青年之家",
                    branch.id(), 10, 10, 1, null, null, null));
            rewards.publish(id, true);
            return id;
        });

        assertThatThrownBy(() -> fixtures.as(member, () -> rewards.redeem(forGold, UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("reward.tier-too-low"));
        fixtures.as(member, () -> rewards.redeem(once, UUID.randomUUID().toString()));
        assertThatThrownBy(() -> fixtures.as(member, () -> rewards.redeem(once, UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("reward.limit-reached"));
        assertThat(fixtures.as(member, () -> rewards.catalogue())).filteredOn(o -> o.item().getId() == forGold).singleElement()
                .satisfies(o -> assertThat(o.refusal()).isEqualTo("reward.tier-too-low"));
        assertThat(balance(person)).isEqualTo(90);
    }

    @Test
    void theApiRedeemsWithTheCsrfHeaderAndAnswersConflictsWithAReason() throws Exception {
        String member = fixtures.members(branch.id(), "接口", 1).get(0);
        adjust(fixtures.personOf(member), 15);
        long item = item(10, 1, null);

        mvc.perform(post("/api/v1/me/redemptions").contentType(MediaType.APPLICATION_JSON).content("{\"itemId\": " + item + "}")
                .with(fixtures.signedIn(member))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/rewards").with(fixtures.signedIn(member)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + item + ")].eligible").value(true));
        mvc.perform(post("/api/v1/me/redemptions").contentType(MediaType.APPLICATION_JSON).content("{\"itemId\": " + item + "}")
                        .with(fixtures.signedIn(member)).with(csrf().asHeader()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pickupCode").value(matchesPattern("\\d{8}")))
                .andExpect(jsonPath("$.status").value("RESERVED"));
        mvc.perform(post("/api/v1/me/redemptions").contentType(MediaType.APPLICATION_JSON).content("{\"itemId\": " + item + "}")
                        .with(fixtures.signedIn(member)).with(csrf().asHeader()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("reward.out-of-stock"))
                .andExpect(jsonPath("$.message").value("已兑完"));
        mvc.perform(post("/api/v1/me/redemptions").contentType(MediaType.APPLICATION_JSON).content("{}")
                .with(fixtures.signedIn(member)).with(csrf().asHeader())).andExpect(status().isConflict());
    }

    @Test
    void onlyStaffReachingTheProviderHandAnItemOverAndOnlyOnce() throws Exception {
        String member = fixtures.members(branch.id(), "领取", 1).get(0);
        adjust(fixtures.personOf(member), 10);
        long item = item(10, 1, null);
        Redemption redemption = fixtures.as(member, () -> rewards.redeem(item, UUID.randomUUID().toString()));
        Branch other = fixtures.branch("核销别处团支部");
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());

        mvc.perform(get("/admin/points/pickup").param("code", redemption.getPickupCode()).with(fixtures.signedIn(stranger)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/points/pickup/{id}", redemption.getId()).with(fixtures.signedIn(stranger)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/points/pickup").param("code", redemption.getPickupCode()).with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk());
        fixtures.as(secretary, () -> {
            rewards.fulfil(redemption.getId());
            return null;
        });
        assertThat(statusOf(redemption.getId())).isEqualTo("FULFILLED");
        assertThatThrownBy(() -> fixtures.as(member, () -> {
            rewards.cancel(redemption.getId());
            return null;
        })).isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("redemption.not-reserved"));
        assertThatThrownBy(() -> fixtures.as(secretary, () -> rewards.pickup(redemption.getPickupCode())))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("pickup.unknown"));
    }

    @Test
    void thePointsPagesRenderInBothLanguagesAndTheYouthCardShowsNoBalance() throws Exception {
        String member = fixtures.members(branch.id(), "页面", 1).get(0);
        long person = fixtures.personOf(member);
        adjust(person, 321);
        long item = item(10, 5, null);
        fixtures.as(member, () -> rewards.redeem(item, UUID.randomUUID().toString()));
        for (String lang : List.of("zh_CN", "en")) {
            for (String page : List.of("/me/points", "/me/rewards", "/me/redemptions", "/me/card")) {
                mvc.perform(get(page).param("lang", lang).with(fixtures.signedIn(member))).andExpect(status().isOk());
            }
            for (String page : List.of("/admin/points/rewards", "/admin/points/rewards/new", "/admin/points/rewards/" + item + "/edit",
                    "/admin/points/pickup", "/admin/points/report", "/admin/points/accounts/" + person)) {
                mvc.perform(get(page).param("lang", lang).with(fixtures.signedIn(secretary))).andExpect(status().isOk());
            }
            for (String page : List.of("/admin/points/rules", "/admin/points/check")) {
                mvc.perform(get(page).param("lang", lang).with(fixtures.signedIn("admin"))).andExpect(status().isOk());
            }
        }
        mvc.perform(get("/admin/points/rules").with(fixtures.signedIn(secretary))).andExpect(status().isForbidden());
        // the card's QR code, read back from its PNG, opens the public card page
        byte[] png = mvc.perform(get("/me/card/qr.png").with(fixtures.signedIn(member)))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.IMAGE_PNG))
                .andReturn().getResponse().getContentAsByteArray();
        String link = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
                ImageIO.read(new ByteArrayInputStream(png))))), Map.of(DecodeHintType.PURE_BARCODE, true)).getText();
        String code = jdbc.sql("select card_code from points_account where person_id = ?").param(person).query(String.class).single();
        assertThat(link).isEqualTo("http://localhost/card/" + code);
        mvc.perform(get(URI.create(link).getPath()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("页*甲"), containsString("青禾"), not(containsString("311")))));
    }

    private Long[] ids(List<String> members) {
        return members.stream().map(fixtures::personOf).toArray(Long[]::new);
    }

    private void adjust(long person, int amount) {
        fixtures.as("admin", () -> {
            bank.adjust(person, amount, "测试发放", UUID.randomUUID().toString());
            return null;
        });
    }

    private long item(int cost, int stock, Long minTier) {
        return fixtures.as("admin", () -> {
            long id = rewards.create(new RewardItem.Details("兑换物品" + TestFixtures.uniqueCode("R"), null, RewardItem.Kind.GOODS, "社区超市",
                    branch.id(), cost, stock, null, null, null, minTier));
            rewards.publish(id, true);
            return id;
        });
    }

    private int balance(long person) {
        return jdbc.sql("select balance from points_account where person_id = ?").param(person).query(Integer.class).single();
    }

    private String statusOf(long redemption) {
        return jdbc.sql("select status from redemption where id = ?").param(redemption).query(String.class).single();
    }
}
