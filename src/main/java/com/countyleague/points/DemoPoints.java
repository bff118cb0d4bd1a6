package com.countyleague.points;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import com.countyleague.account.Actors;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.PersonRow;
import com.countyleague.member.PersonSearch;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's points bank, as the seed tells of Yangzhong's: a catalogue of goods, services and
 * privileges; the points carried over from the old spreadsheets (over 30,000 issued, with what the
 * demo activities and shifts earn on top through the real listeners); over 20,000 redeemed; and the
 * demo member with a balance, a history and a redemption waiting to be picked up.
 */
@Component
@Profile("demo")
@Order(DemoPoints.ORDER)
class DemoPoints implements ApplicationRunner {

    static final int ORDER = 700;
    private static final Object[][] CATALOGUE = {
            {"青年之家场地预约（2小时）", RewardItem.Kind.PRIVILEGE, "翠湖社区青年之家", 30, 200, 2},
            {"社区超市购物券（10元）", RewardItem.Kind.GOODS, "翠湖社区超市", 50, 300, null},
            {"电影票一张", RewardItem.Kind.GOODS, "县城影院", 80, 120, 2},
            {"共享工具屋借用一周", RewardItem.Kind.SERVICE, "翠湖社区共享工具屋", 10, 500, null},
            {"理发服务一次", RewardItem.Kind.SERVICE, "龙湖街道爱心理发店", 25, 150, null},
            {"书吧饮品一杯", RewardItem.Kind.GOODS, "小区书吧", 15, 400, null},
            {"健身房周卡", RewardItem.Kind.PRIVILEGE, "县青少年活动中心", 150, 40, 1},
            {"团县委纪念徽章", RewardItem.Kind.GOODS, "团县委", 20, 600, 1},
            {"青年夜校课程一期", RewardItem.Kind.SERVICE, "县青年夜校", 120, 60, 1},
            {"优秀志愿者荣誉证书", RewardItem.Kind.PRIVILEGE, "团县委", 300, 30, 1}};

    private final PointsLedger ledger;
    private final RewardItemRepository items;
    private final RedemptionRepository redemptions;
    private final TierRepository tiers;
    private final People people;
    private final UnitLookup units;
    private final Actors actors;
    private final Clock clock;

    DemoPoints(PointsLedger ledger, RewardItemRepository items, RedemptionRepository redemptions, TierRepository tiers, People people,
               UnitLookup units, Actors actors, Clock clock) {
        this.ledger = ledger;
        this.items = items;
        this.redemptions = redemptions;
        this.tiers = tiers;
        this.people = people;
        this.units = units;
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // the catalogue marks the seeding: accounts may already exist, opened by earnings of the demo activities
        if (items.count() > 0) {
            return;
        }
        actors.asSystem(this::seed);
    }

    private void seed() {
        Map<String, Organization> byCode = units.byCode();
        Organization county = byCode.get("DC");
        Organization home = byCode.get("DC-LH-01");
        if (county == null || home == null) {
            return;
        }
        Instant now = clock.instant();
        List<RewardItem> catalogue = new ArrayList<>();
        for (int i = 0; i < CATALOGUE.length; i++) {
            Object[] c = CATALOGUE[i];
            RewardItem item = new RewardItem(new RewardItem.Details((String) c[0], null, (RewardItem.Kind) c[1], (String) c[2],
                    "团县委".equals(c[2]) ? county.getId() : home.getId(), (Integer) c[3], (Integer) c[4], (Integer) c[5], null, null,
                    i == 9 ? tiers.findAllByOrderByMinEarnedAsc().get(2).getId() : null), now);
            item.publish(true);
            catalogue.add(items.save(item));
        }

        List<PersonRow> persons = new ArrayList<>(everyone(Ledger.LEAGUE_MEMBER));
        persons.addAll(everyone(Ledger.YOUTH).stream().limit(1200).toList());
        Random random = new Random(30_000);
        Instant carriedOver = now.minus(Duration.ofDays(180));
        for (PersonRow p : persons) {
            int points = 15 + random.nextInt(35);
            ledger.append(ledger.lock(p.id()), Posting.adjustment(points, "原积分台账转入", LocalDate.ofInstant(carriedOver, clock.getZone()),
                    p.organizationId(), "demo:carry-over:" + p.id(), "system"), carriedOver);
        }
        // over 20,000 points redeemed and handed over, from the cheaper items, over the last five months
        int redeemed = 0;
        for (int i = 0; redeemed < 20_500 && i < persons.size() * 10; i++) {
            PersonRow p = persons.get(random.nextInt(persons.size()));
            RewardItem item = catalogue.get(random.nextInt(6));
            PointsAccount account = ledger.lock(p.id());
            // one of the first item is kept for the demo member's own redemption below
            if (account.getBalance() >= item.getCost() && item.getStock() > (item == catalogue.get(0) ? 1 : 0)
                    && (item.getPerPersonLimit() == null || redemptions.heldBy(item.getId(), p.id()) < item.getPerPersonLimit())) {
                redeemed += redeem(account, item, p, now.minus(Duration.ofDays(1 + random.nextInt(150))), true);
            }
        }
        persons.stream().filter(p -> p.name().equals("张团员")).findFirst().ifPresent(member -> {
            PointsAccount account = ledger.lock(member.id());
            Instant awarded = now.minus(Duration.ofDays(20));
            ledger.append(account, Posting.adjustment(120, "2025年度优秀志愿者奖励", LocalDate.ofInstant(awarded, clock.getZone()),
                    member.organizationId(), "demo:member-award", "system"), awarded);
            redeem(account, catalogue.get(0), member, now.minus(Duration.ofDays(1)), false);
        });
    }

    /** A redemption as the member's own would have made it; handed over already unless {@code waiting}. */
    private int redeem(PointsAccount account, RewardItem item, PersonRow person, Instant at, boolean handedOver) {
        item.takeOne();
        Redemption redemption = redemptions.save(new Redemption(item.getId(), person.id(), item.getCost(),
                String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L)), UUID.randomUUID().toString(),
                at, at.plus(Duration.ofDays(7))));
        ledger.append(account, Posting.redemption(PointsEntry.Kind.REDEEM, -item.getCost(), item.getName(), redemption.getId(),
                LocalDate.ofInstant(at, clock.getZone()), person.organizationId(), "redeem:" + redemption.getId(), "system"), at);
        if (handedOver) {
            redemption.close(Redemption.Status.FULFILLED, "system", at.plus(Duration.ofHours(2)));
        }
        return item.getCost();
    }

    private List<PersonRow> everyone(Ledger ledger) {
        return people.search(new PersonSearch(ledger, null, null, null, null, null, null, null, null, null, null, null, null),
                PageRequest.of(0, 10_000)).getContent();
    }
}
