package com.countyleague.activity;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ActivityRemindersTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    ActivityReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theDayBeforeAnActivityEachSignedUpMemberIsRemindedOnceEvenWithTwoSchedulersRunning() throws Exception {
        Branch branch = fixtures.branch("提醒团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        List<String> members = fixtures.members(branch.id(), "提醒成员", 3);
        Instant now = clock.instant();
        long tomorrow = publish(secretary, branch, "明日提醒活动", now.plus(Duration.ofHours(20)));
        long later = publish(secretary, branch, "后日活动", now.plus(Duration.ofHours(30)));
        for (String member : members) {
            fixtures.as(member, () -> activities.signUp(tomorrow));
            fixtures.as(member, () -> activities.signUp(later));
        }

        // two application instances run the same job at the same moment, then one runs it again
        List<Callable<Integer>> twoSchedulers = List.of(reminders::remind, reminders::remind);
        // (other tests' sign-ups may be reminded too: the count is at least ours)
        assertThat(TestFixtures.atOnce(twoSchedulers, 2).stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(3);
        assertThat(reminders.remind()).isZero();

        for (String member : members) {
            long person = fixtures.personOf(member);
            assertThat(jdbc.sql("select count(*) from notification where person_id = ? and message_key = 'reminder.activity'")
                    .param(person).query(Long.class).single()).as(member).isEqualTo(1);
            assertThat(jdbc.sql("select arguments from notification where person_id = ? and message_key = 'reminder.activity'")
                    .param(person).query(String.class).single()).contains("明日提醒活动");
        }
    }

    private long publish(String secretary, Branch branch, String title, Instant startsAt) {
        return fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    title, null, "活动室", startsAt, startsAt.plus(Duration.ofHours(2)), null, null, null, new BigDecimal("2")));
            activities.publish(id);
            return id;
        });
    }
}
