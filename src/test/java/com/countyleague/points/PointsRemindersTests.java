package com.countyleague.points;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.TwoBranches;
import com.countyleague.TwoBranches.Side;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@Import(TwoBranches.class)
class PointsRemindersTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    TwoBranches world;

    @Autowired
    PointsReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aPickupCodeAboutToLapseIsRemindedOnceEvenWithTwoSchedulersRunning() throws Exception {
        Side side = world.side("取货提醒", fixtures.branch("取货提醒别处团支部"));
        jdbc.sql("update redemption set expires_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().plus(Duration.ofHours(3))), side.redemption()).update();

        List<Callable<Integer>> twoSchedulers = List.of(reminders::remind, reminders::remind);
        TestFixtures.atOnce(twoSchedulers, 2);
        reminders.remind();

        assertThat(jdbc.sql("select count(*) from notification where person_id = ? and message_key = 'reminder.pickup'")
                .param(side.memberPerson()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from reminder_sent where kind = 'pickup-lapsing' and subject_id = ?")
                .param(side.redemption()).query(Long.class).single()).isEqualTo(1);
    }
}
