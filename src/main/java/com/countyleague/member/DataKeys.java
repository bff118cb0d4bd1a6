package com.countyleague.member;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The encryption keys of identity numbers and their rotation while the application serves: a county
 * admin adds a new random key, which seals every number written from then on (each instance learns of
 * it within a minute, or at once when it meets a number sealed with it); the numbers sealed with older
 * keys are sealed again in batches, each in a short transaction of its own, until none is left. The
 * blind index (how a number is found) stays as it is, so nothing else changes while this runs.
 */
@Service
public class DataKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
    private static final int BATCH = 500;

    /** A key, and how many numbers it seals now. */
    public record Key(int id, Instant createdAt, String createdBy, long numbers, boolean current) {
    }

    private record Sealed(long id, byte[] cipher) {
    }

    private final PersonalData data;
    private final List<SealedColumn> columns;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Actors actors;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    DataKeys(PersonalData data, List<SealedColumn> columns, JdbcClient jdbc, TransactionTemplate transactions, Actors actors,
             AuditTrail audit, Clock clock) {
        this.data = data;
        this.columns = columns;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.actors = actors;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    /** Reads the keys again: another instance may have added one. */
    @Scheduled(fixedDelayString = "${league.data-keys.reload:PT1M}")
    public synchronized void load() {
        Map<Integer, byte[]> later = new HashMap<>();
        jdbc.sql("select id, wrapped from data_key order by id")
                .query(rs -> {
                    later.put(rs.getInt(1), data.unwrap(rs.getInt(1), rs.getBytes(2)));
                });
        int current = later.keySet().stream().mapToInt(Integer::intValue).max().orElse(PersonalData.FIRST_KEY);
        data.use(later, current, this::load);
    }

    /** Every key with the numbers it seals, newest first. County admins only. */
    @Transactional(readOnly = true)
    public List<Key> keys() {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        Map<Integer, Long> numbers = new HashMap<>();
        for (SealedColumn c : columns) {
            jdbc.sql("select " + keyOf(c) + ", count(*) from " + c.table() + " group by 1")
                    .query(rs -> {
                        numbers.merge(rs.getInt(1), rs.getLong(2), Long::sum);
                    });
        }
        List<Key> keys = new ArrayList<>(jdbc.sql("select id, created_at, created_by from data_key order by id desc")
                .query((rs, n) -> new Key(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        numbers.getOrDefault(rs.getInt(1), 0L), rs.getInt(1) == data.currentKey()))
                .list());
        keys.add(new Key(PersonalData.FIRST_KEY, null, null, numbers.getOrDefault(PersonalData.FIRST_KEY, 0L),
                data.currentKey() == PersonalData.FIRST_KEY));
        return keys;
    }

    /** Adds a new key, which seals from now on; returns its id. County admins only; {@link #resealInBackground} follows. */
    @Transactional
    public int rotate() {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        // one rotation at a time, however many admins press at once
        jdbc.sql("lock table data_key in exclusive mode").update();
        int id = jdbc.sql("select coalesce(max(id), 1) + 1 from data_key").query(Integer.class).single();
        if (id > 255) {
            throw new IllegalStateException("No more key ids");
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        jdbc.sql("insert into data_key (id, wrapped, created_at, created_by) values (?, ?, ?, ?)")
                .params(id, data.wrap(id, key), Timestamp.from(clock.instant()), actors.current().username())
                .update();
        audit.record("ROTATE_DATA_KEY", "data_key:" + id, "identity numbers sealed with key " + id + " from now on");
        return id;
    }

    @Async
    public void resealInBackground() {
        load();
        reseal();
    }

    /** Leftovers of a rotation (sealed by an instance that had not heard of the new key yet), every five minutes. */
    @Scheduled(cron = "${league.data-keys.reseal:0 */5 * * * *}", zone = "${league.zone}")
    void resealLeftovers() {
        load();
        reseal();
    }

    /**
     * Seals again every number not sealed with the current key, in batches in id order, each batch a
     * transaction of its own; a number changed meanwhile is left for the next pass. Returns how many.
     */
    public synchronized int reseal() {
        int total = 0;
        for (int pass = 0; pass < 3; pass++) {
            int resealed = 0;
            for (SealedColumn c : columns) {
                resealed += reseal(c);
            }
            total += resealed;
            if (resealed == 0) {
                break;
            }
        }
        if (total > 0) {
            log.info("Identity numbers: {} sealed again with key {}", total, data.currentKey());
        }
        return total;
    }

    private int reseal(SealedColumn c) {
        int total = 0;
        long after = 0;
        while (true) {
            int target = data.currentKey();
            List<Sealed> batch = jdbc.sql("select id, " + c.column() + " from " + c.table() + " where id > ? and " + keyOf(c) + " <> ?"
                            + " order by id limit " + BATCH)
                    .params(after, target)
                    .query((rs, n) -> new Sealed(rs.getLong(1), rs.getBytes(2)))
                    .list();
            if (batch.isEmpty()) {
                return total;
            }
            Integer done = transactions.execute(status -> {
                int updated = 0;
                for (Sealed row : batch) {
                    // only if nobody changed it meanwhile; else the next pass takes it
                    updated += jdbc.sql("update " + c.table() + " set " + c.column() + " = ? where id = ? and " + c.column() + " = ?")
                            .params(data.encrypt(data.decrypt(row.cipher())), row.id(), row.cipher())
                            .update();
                }
                return updated;
            });
            total += done == null ? 0 : done;
            after = batch.get(batch.size() - 1).id();
        }
    }

    private static String keyOf(SealedColumn c) {
        return "(case get_byte(" + c.column() + ", 0) when 1 then 1 else get_byte(" + c.column() + ", 1) end)";
    }
}
