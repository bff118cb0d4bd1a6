package com.countyleague.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.countyleague.web.RuleViolationException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * What the classified protection rules (等保2.0) ask of staff passwords beyond their strength: a new
 * one repeats none of the account's last {@code league.passwords.history} (5), and a staff password
 * older than {@code league.passwords.max-age-days} (90) must be changed at the next sign-in.
 */
@Component
class PasswordHistory {

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final int remembered;
    private final Duration maxAge;

    PasswordHistory(JdbcClient jdbc, PasswordEncoder encoder, Clock clock, @Value("${league.passwords.history:5}") int remembered,
                    @Value("${league.passwords.max-age-days:90}") int maxAgeDays) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        this.remembered = remembered;
        this.maxAge = Duration.ofDays(maxAgeDays);
    }

    /** Refuses a password the account has had among its last ones (the present one included), for the form's {@code field}. */
    void requireNew(Account account, String password, String field) {
        List<String> hashes = new ArrayList<>();
        hashes.add(account.getPasswordHash());
        hashes.addAll(jdbc.sql("select password_hash from password_history where account_id = ? order by replaced_at desc, id desc limit ?")
                .params(account.getId(), remembered - 1).query(String.class).list());
        if (hashes.stream().anyMatch(h -> encoder.matches(password, h))) {
            throw new RuleViolationException(field, "account.password.reused", remembered);
        }
    }

    /** Keeps the password being replaced. */
    void replacing(Account account) {
        jdbc.sql("insert into password_history (account_id, password_hash, replaced_at) values (?, ?, ?)")
                .params(account.getId(), account.getPasswordHash(), Timestamp.from(clock.instant())).update();
    }

    /** A staff account whose password is older than the longest it may be kept. */
    boolean isExpired(Account account) {
        Instant changed = account.getPasswordChangedAt();
        return account.getRole().isStaff() && changed != null && changed.plus(maxAge).isBefore(clock.instant());
    }
}
