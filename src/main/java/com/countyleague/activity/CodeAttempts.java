package com.countyleague.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits guessing of six-digit check-in codes: after {@value #LIMIT} wrong codes in
 * {@link #PERIOD} a person's typing pauses until the oldest of them is that old. A wrong code is
 * kept in a transaction of its own, so the refusal that follows it does not take it back.
 */
@Component
class CodeAttempts {

    static final int LIMIT = 10;
    static final Duration PERIOD = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final Clock clock;

    CodeAttempts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Refuses a person who has typed too many wrong codes lately, saying how long to wait. */
    void requireNotPaused(long personId) {
        Instant now = clock.instant();
        jdbc.sql("""
                        select failed_at from check_in_code_failure where person_id = ? and failed_at > ?
                        order by failed_at desc offset ? limit 1""")
                .params(personId, Timestamp.from(now.minus(PERIOD)), LIMIT - 1)
                .query(Timestamp.class).optional()
                .ifPresent(tenthLatest -> {
                    long minutes = Math.max(1, Duration.between(now, tenthLatest.toInstant().plus(PERIOD)).toSeconds() / 60 + 1);
                    throw new RuleViolationException("code", "checkin.code.paused", minutes);
                });
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void recordWrongCode(long personId) {
        jdbc.sql("insert into check_in_code_failure (person_id, failed_at) values (?, ?)")
                .params(personId, Timestamp.from(clock.instant())).update();
    }
}
