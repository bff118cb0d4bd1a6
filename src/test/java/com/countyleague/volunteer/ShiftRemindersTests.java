package com.countyleague.volunteer;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.TwoBranches;
import com.countyleague.TwoBranches.Side;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
@Import(TwoBranches.class)
class ShiftRemindersTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    TwoBranches world;

    @Autowired
    ShiftReminders reminders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void theDayBeforeAShiftWhoeverIsOnItIsRemindedOnceEvenWithTwoSchedulersRunning() throws Exception {
        Side side = world.side("值班提醒", fixtures.branch("值班提醒别处团支部"));
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        List<Long> onDuty = jdbc.sql("select distinct person_id from volunteer_shift where post_id = ? and day = ? and status = 'SCHEDULED'")
                .params(side.post(), Date.valueOf(tomorrow)).query(Long.class).list();
        assertThat(onDuty).isNotEmpty();

        List<Callable<Integer>> twoSchedulers = List.of(reminders::remind, reminders::remind);
        TestFixtures.atOnce(twoSchedulers, 2);
        reminders.remind();

        for (long person : onDuty) {
            long shifts = jdbc.sql("select count(*) from volunteer_shift where person_id = ? and day = ? and status = 'SCHEDULED'")
                    .params(person, Date.valueOf(tomorrow)).query(Long.class).single();
            assertThat(jdbc.sql("select count(*) from notification where person_id = ? and message_key = 'reminder.shift'")
                    .param(person).query(Long.class).single()).isEqualTo(shifts);
        }
    }
}
