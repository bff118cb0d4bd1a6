package com.countyleague.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** What people are told in the app. Any module tells a person something; each person reads their own. */
@Service
public class Notifications {

    private final NotificationRepository notifications;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final Actors actors;
    private final Clock clock;

    Notifications(NotificationRepository notifications, JdbcClient jdbc, Actors actors, Clock clock,
                  PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.notifications = notifications;
        this.jdbc = jdbc;
        this.actors = actors;
        this.clock = clock;
    }

    /** Tells a person something, in the transaction of what happened to them. */
    @Transactional
    public void tell(long personId, String messageKey, String link, Object... arguments) {
        notifications.save(new Notification(personId, messageKey, arguments, link, clock.instant()));
    }

    /**
     * A reminder, sent once for its kind, subject and person even when two application instances
     * run the same job at once (the key is claimed in the database first). Returns whether it was sent now.
     */
    public boolean remindOnce(String kind, long subjectId, long personId, String messageKey, String link, Object... arguments) {
        // claim and message together or not at all, in a transaction of its own unless the caller has one
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Instant now = clock.instant();
            int claimed = jdbc.sql("""
                            insert into reminder_sent (kind, subject_id, person_id, sent_at) values (?, ?, ?, ?)
                            on conflict do nothing""")
                    .params(kind, subjectId, personId, Timestamp.from(now)).update();
            if (claimed == 1) {
                notifications.save(new Notification(personId, messageKey, arguments, link, now));
            }
            return claimed == 1;
        }));
    }

    /** A reminder of one kind about one subject for one person, with its message. */
    public record Reminder(String kind, long subjectId, long personId, String messageKey, String link, Object... arguments) {
    }

    /** Sends each reminder once (see {@link #remindOnce}), each claim in a transaction of its own; returns how many went out now. */
    public int remindAll(List<Reminder> reminders) {
        int sent = 0;
        for (Reminder r : reminders) {
            sent += remindOnce(r.kind(), r.subjectId(), r.personId(), r.messageKey(), r.link(), r.arguments()) ? 1 : 0;
        }
        return sent;
    }

    /** The caller's latest messages; reading them marks them read. */
    @Transactional
    public List<Notification> mine() {
        Actor actor = actors.current();
        if (actor.personId() == null) {
            return List.of();
        }
        List<Notification> latest = notifications.findTop30ByPersonIdOrderByCreatedAtDescIdDesc(actor.personId());
        latest.forEach(n -> n.markRead(clock.instant()));
        return latest;
    }

    /**
     * The caller's unread count for the badge on every page: one indexed count, without a transaction
     * or Hibernate around it, which cost each page more than the count itself.
     */
    public long unread() {
        Actor actor = actors.currentOrNull();
        return actor == null || actor.personId() == null ? 0
                : jdbc.sql("select count(*) from notification where person_id = ? and read_at is null")
                        .param(actor.personId()).query(Long.class).single();
    }
}
