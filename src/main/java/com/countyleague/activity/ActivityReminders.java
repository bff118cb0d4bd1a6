package com.countyleague.activity;

import com.countyleague.member.Notifications;
import com.countyleague.member.Notifications.Reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The day before an activity, everyone signed up for it is reminded, once. */
@Component
class ActivityReminders {

    static final Duration AHEAD = Duration.ofHours(24);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Clock clock;

    ActivityReminders(JdbcClient jdbc, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Every quarter of an hour; each reminder is claimed in the database, so any number of instances may run it. */
    @Scheduled(cron = "${league.reminders.cron:0 */15 * * * *}", zone = "${league.zone}")
    int remind() {
        Instant now = clock.instant();
        return notifications.remindAll(jdbc.sql("""
                        select a.id, s.person_id, a.title, a.starts_at
                        from activity_signup s join activity a on a.id = s.activity_id
                        where s.status = 'SIGNED_UP' and a.status = 'PUBLISHED' and a.starts_at > ? and a.starts_at <= ?
                        """)
                .params(Timestamp.from(now), Timestamp.from(now.plus(AHEAD)))
                .query((rs, n) -> new Reminder("activity-soon", rs.getLong(1), rs.getLong(2), "reminder.activity",
                        "/me/activities/" + rs.getLong(1), rs.getString(3),
                        WHEN.format(rs.getTimestamp(4).toInstant().atZone(clock.getZone()))))
                .list());
    }
}
