package com.countyleague.volunteer;

import com.countyleague.member.Notifications;
import com.countyleague.member.Notifications.Reminder;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The day before a shift, whoever is on it is reminded, once. */
@Component
class ShiftReminders {

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Clock clock;

    ShiftReminders(JdbcClient jdbc, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(cron = "${league.reminders.cron:0 */15 * * * *}", zone = "${league.zone}")
    int remind() {
        LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
        return notifications.remindAll(jdbc.sql("""
                        select s.id, s.person_id, p.name, to_char(l.starts_at, 'HH24:MI'), to_char(l.ends_at, 'HH24:MI')
                        from volunteer_shift s join volunteer_post p on p.id = s.post_id
                        join volunteer_slot l on l.post_id = s.post_id and l.slot_no = s.slot_no
                        where s.status = 'SCHEDULED' and s.day = ?
                        """)
                .param(Date.valueOf(tomorrow))
                .query((rs, n) -> new Reminder("shift-soon", rs.getLong(1), rs.getLong(2), "reminder.shift", "/me/shifts",
                        rs.getString(3), tomorrow.toString(), rs.getString(4) + "–" + rs.getString(5)))
                .list());
    }
}
