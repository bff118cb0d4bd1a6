package com.countyleague.points;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one way points move: lock the person's account (opening it on first use), apply the amount to
 * its balance, write the entry with the balance it leaves — all in the caller's transaction. An
 * idempotency key already written means the move happened already.
 */
@Component
class PointsLedger {

    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final PointsAccountRepository accounts;
    private final PointsEntryRepository entries;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PointsLedger(PointsAccountRepository accounts, PointsEntryRepository entries, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.entries = entries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The person's account, locked until the transaction ends; opened with a youth card number if new. */
    PointsAccount lock(long personId) {
        jdbc.sql("""
                        insert into points_account (person_id, balance, earned_total, card_number, card_code, created_at, version)
                        select ?, 0, 0, 'QX' || lpad(nextval('points_card_number')::text, 8, '0'), ?, ?, 0
                        where not exists (select 1 from points_account where person_id = ?)
                        on conflict (person_id) do nothing
                        """)
                .params(personId, code(), Timestamp.from(clock.instant()), personId).update();
        return accounts.lock(personId).orElseThrow();
    }

    boolean recorded(String idempotencyKey) {
        return entries.existsByIdempotencyKey(idempotencyKey);
    }

    PointsEntry append(PointsAccount account, Posting posting) {
        return append(account, posting, clock.instant());
    }

    /** The same at a given time: only the demo county writes its past this way. */
    PointsEntry append(PointsAccount account, Posting p, Instant at) {
        account.apply(p.kind(), p.amount());
        return entries.save(new PointsEntry(account.getPersonId(), p.kind(), p.amount(), account.getBalance(), trimmed(p.reason()),
                p.ref(), p.refId(), p.ruleId(), p.actionDay(), p.organizationId(), p.idempotencyKey(), p.author(), at));
    }

    private static String trimmed(String reason) {
        return reason.length() <= 200 ? reason : reason.substring(0, 199) + "…";
    }

    private String code() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }
}
