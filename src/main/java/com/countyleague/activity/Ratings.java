package com.countyleague.activity;

import com.countyleague.account.Actors;
import com.countyleague.activity.Activities.MemberView;
import com.countyleague.web.RuleViolationException;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** After an activity they attended, a member rates it once (1 to 5, and a comment); the dashboard counts satisfaction. */
@Service
public class Ratings {

    static final int COMMENT_LENGTH = 500;

    /** A member's rating of an activity as its page shows it: whether they may rate it now, and what they gave. */
    public record Mine(boolean open, Integer score, String comment) {
    }

    private final Activities activities;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    Ratings(Activities activities, Actors actors, JdbcClient jdbc, Clock clock) {
        this.activities = activities;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Mine mine(MemberView view) {
        long personId = actors.current().requirePerson();
        Optional<Mine> given = jdbc.sql("select score, comment from activity_rating where activity_id = ? and person_id = ?")
                .params(view.activity().getId(), personId)
                .query((rs, n) -> new Mine(false, rs.getInt(1), rs.getString(2))).optional();
        return given.orElse(new Mine(rateable(view), null, null));
    }

    /** Refused before the activity has ended, to whoever did not attend it, and a second time. */
    @Transactional
    public void rate(long activityId, Integer score, String comment) {
        MemberView view = activities.forMember(activityId);
        if (!rateable(view)) {
            throw RuleViolationException.of("rating.not-open");
        }
        if (score == null || score < 1 || score > 5) {
            throw new RuleViolationException("score", "rating.score");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_LENGTH) {
            throw new RuleViolationException("comment", "rating.comment", COMMENT_LENGTH);
        }
        int stored = jdbc.sql("""
                        insert into activity_rating (activity_id, person_id, score, comment, rated_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(activityId, actors.current().requirePerson(), score, text, Timestamp.from(clock.instant())).update();
        if (stored == 0) {
            throw RuleViolationException.of("rating.already");
        }
    }

    private static boolean rateable(MemberView view) {
        return view.attendance() != null && view.status() == Activity.Status.FINISHED;
    }
}
