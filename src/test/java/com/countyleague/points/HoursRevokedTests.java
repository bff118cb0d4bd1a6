package com.countyleague.points;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.activity.AttendanceReview;
import com.countyleague.activity.CheckIns;
import com.countyleague.activity.HoursRevoked;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
class HoursRevokedTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    CheckIns checkIns;

    @Autowired
    AttendanceReview review;

    @Autowired
    Earnings earnings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void revokingHoursTakesBackTheirPointsOnceEvenWhenDoneTwiceAtOnceOrDeliveredAgain() throws Exception {
        Branch branch = fixtures.branch("撤销时长支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String other = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long person = fixtures.youth(branch.id(), "被撤销");
        Instant start = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "清扫楼道", null, "3号楼", start, start.plus(Duration.ofHours(2)), null, null, null, new BigDecimal("2")));
            activities.publish(id);
            checkIns.checkInByHand(id, person, null, start, "现场登记");
            return id;
        });
        clock.advance(Duration.ofHours(27));
        review.signOutTheForgotten();
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(person, "EARN") == 2);
        int earned = balance(person);
        assertThat(earned).isPositive();
        long flag = fixtures.as(secretary, () -> review.open()).stream().filter(f -> f.person().id() == person).findFirst()
                .orElseThrow().flag().getId();

        // two secretaries revoke at once: one does, the other is told it is decided
        List<Callable<Boolean>> both = List.of(secretary, other).stream().<Callable<Boolean>>map(account -> () -> {
            try {
                fixtures.as(account, () -> {
                    review.revoke(flag, "当天未到场，系请人代签");
                    return null;
                });
                return true;
            } catch (RuntimeException refused) {
                return false;
            }
        }).toList();
        assertThat(TestFixtures.atOnce(both, 2)).containsExactlyInAnyOrder(true, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> entries(person, "ADJUST") == 1);
        // the same event delivered again takes nothing more
        HoursRevoked again = new HoursRevoked(0, activity, "清扫楼道", person, "当天未到场，系请人代签", clock.instant());
        earnings.on(again);
        earnings.on(again);
        assertThat(entries(person, "ADJUST")).isEqualTo(1);
        assertThat(balance(person)).isZero();
        // the service-time book keeps the credit and its revocation; both books chain the person's entries in order
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from service_time_entry where person_id = ?")
                .param(person).query(Long.class).single() == 2);
        assertThat(jdbc.sql("select string_agg(kind, ',' order by seq) || ' ' || sum(minutes) from service_time_entry where person_id = ?")
                .param(person).query(String.class).single()).isEqualTo("CREDIT,REVOKE 0");
        for (String book : List.of("points_entry", "service_time_entry")) {
            assertThat(jdbc.sql("select count(*) = max(e.seq) and count(*) = 1 + count(p.id) from " + book + " e left join " + book
                    + " p on p.person_id = e.person_id and p.seq = e.seq - 1 and p.hash = e.prev_hash where e.person_id = ?")
                    .param(person).query(Boolean.class).single()).as(book).isTrue();
        }
        assertThat(jdbc.sql("select reason from points_entry where person_id = ? and kind = 'ADJUST'").param(person).query(String.class)
                .single()).contains("撤销时长", "清扫楼道", "当天未到场");
        assertThat(jdbc.sql("select service_minutes from attendance where activity_id = ? and person_id = ?").params(activity, person)
                .query(Integer.class).single()).isZero();
    }

    private long entries(long person, String kind) {
        return jdbc.sql("select count(*) from points_entry where person_id = ? and kind = ?").params(person, kind).query(Long.class).single();
    }

    private int balance(long person) {
        return jdbc.sql("select coalesce((select balance from points_account where person_id = ?), 0)").param(person).query(Integer.class)
                .single();
    }
}
