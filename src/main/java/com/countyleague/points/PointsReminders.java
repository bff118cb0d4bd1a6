package com.countyleague.points;

import com.countyleague.member.Notifications;
import com.countyleague.member.Notifications.Reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Points about to expire (once a month while they do) and a pickup code about to lapse (once per
 * reservation, the day before): told in the app, once, whichever instance runs first.
 */
@Component
class PointsReminders {

    static final Duration PICKUP_AHEAD = Duration.ofHours(24);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PointsBank bank;
    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Clock clock;

    PointsReminders(PointsBank bank, JdbcClient jdbc, Notifications notifications, Clock clock) {
        this.bank = bank;
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Scheduled(cron = "${league.reminders.cron:0 */15 * * * *}", zone = "${league.zone}")
    int remind() {
        LocalDate today = LocalDate.now(clock);
        // the month is the subject: told again next month if they still have not been spent
        long month = today.getYear() * 100L + today.getMonthValue();
        List<Reminder> reminders = new ArrayList<>();
        for (long[] due : bank.expiringSoon(null, today)) {
            reminders.add(new Reminder("points-expiring", month, due[0], "reminder.points-expiring", "/me/points", due[1]));
        }
        Instant now = clock.instant();
        reminders.addAll(jdbc.sql("""
                        select r.id, r.person_id, i.name, r.expires_at
                        from redemption r join reward_item i on i.id = r.item_id
                        where r.status = 'RESERVED' and r.expires_at > ? and r.expires_at <= ?
                        """)
                .params(Timestamp.from(now), Timestamp.from(now.plus(PICKUP_AHEAD)))
                .query((rs, n) -> new Reminder("pickup-lapsing", rs.getLong(1), rs.getLong(2), "reminder.pickup",
                        "/me/redemptions", rs.getString(3), WHEN.format(rs.getTimestamp(4).toInstant().atZone(clock.getZone()))))
                .list());
        return notifications.remindAll(reminders);
    }
}
