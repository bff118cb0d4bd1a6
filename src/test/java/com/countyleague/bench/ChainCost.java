package com.countyleague.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.countyleague.member.LargeCountyGenerator;

/**
 * What the hash chain (V36) costs a points entry. Writes entries the way points.PointsLedger does —
 * the account locked, its balance changed, the entry inserted, one transaction each — from several
 * clients at once into the bank of a generated county (PointsGenerator), in alternating rounds with the
 * chain trigger off (the writer supplies the chain columns, as a write did before V36) and on, and
 * prints the latency of a write in each. It leaves its entries in the database (kind ADJUST, author
 * 'chain-cost').
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=com.countyleague.bench.ChainCost \
 *   -Dexec.args="--url jdbc:postgresql://127.0.0.1:5432/league_bench --writes 4000 --clients 8 --rounds 2"
 * </pre>
 */
public final class ChainCost {

    private static final AtomicLong UNCHAINED = new AtomicLong(-1_000_000_000L);

    private ChainCost() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = LargeCountyGenerator.options(args);
        String url = o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/league_bench");
        String user = o.getOrDefault("user", "postgres");
        String password = o.getOrDefault("password", "");
        int writes = Integer.parseInt(o.getOrDefault("writes", "4000"));
        int clients = Integer.parseInt(o.getOrDefault("clients", "8"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "2"));
        long[] accounts;
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("select person_id from points_account order by person_id limit 250000")) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            accounts = ids.stream().mapToLong(Long::longValue).toArray();
        }
        System.out.printf("%d accounts; %d writes per round from %d clients%n", accounts.length, writes, clients);
        System.out.println("round  chain   writes/s   p50 ms   p95 ms   p99 ms");
        for (int round = 1; round <= rounds; round++) {
            for (boolean chained : new boolean[] {false, true}) {
                trigger(url, user, password, chained);
                long wall = System.nanoTime();
                long[] nanos = run(url, user, password, accounts, writes, clients, chained);
                wall = System.nanoTime() - wall;
                System.out.printf("%5d  %-5s  %9.0f  %7.2f  %7.2f  %7.2f%n", round, chained ? "on" : "off", nanos.length / (wall / 1e9),
                        pct(nanos, 50), pct(nanos, 95), pct(nanos, 99));
            }
        }
        trigger(url, user, password, true);
    }

    private static long[] run(String url, String user, String password, long[] accounts, int writes, int clients, boolean chained)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> parts = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int share = writes / clients;
            parts.add(pool.submit(() -> {
                long[] took = new long[share];
                try (Connection db = DriverManager.getConnection(url, user, password)) {
                    db.setAutoCommit(false);
                    PreparedStatement lock = db.prepareStatement("select balance from points_account where person_id = ? for update");
                    PreparedStatement apply = db.prepareStatement("update points_account set balance = balance + 1, version = version + 1 "
                            + "where person_id = ? returning balance");
                    PreparedStatement insert = db.prepareStatement("""
                            insert into points_entry (person_id, kind, amount, balance_after, reason, action_day, organization_id,
                                                      idempotency_key, author, created_at, seq, prev_hash, hash)
                            select ?, 'ADJUST', 1, ?, '链成本测量', current_date, p.organization_id, gen_random_uuid()::text, 'chain-cost', now(),
                                   ?, '\\x00'::bytea, '\\x00'::bytea
                            from person p where p.id = ?""");
                    for (int i = 0; i < share; i++) {
                        long person = accounts[ThreadLocalRandom.current().nextInt(accounts.length)];
                        long started = System.nanoTime();
                        lock.setLong(1, person);
                        lock.executeQuery().close();
                        apply.setLong(1, person);
                        int balance;
                        try (ResultSet rs = apply.executeQuery()) {
                            rs.next();
                            balance = rs.getInt(1);
                        }
                        insert.setLong(1, person);
                        insert.setInt(2, balance);
                        // with the trigger off the writer numbers the entry itself, out of the chain's way
                        insert.setInt(3, chained ? 0 : (int) UNCHAINED.getAndIncrement());
                        insert.setLong(4, person);
                        insert.executeUpdate();
                        db.commit();
                        took[i] = System.nanoTime() - started;
                    }
                }
                return took;
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> part : parts) {
            all.add(part.get());
        }
        pool.shutdown();
        return all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    private static void trigger(String url, String user, String password, boolean on) throws Exception {
        try (Connection db = DriverManager.getConnection(url, user, password); Statement sql = db.createStatement()) {
            sql.execute("alter table points_entry " + (on ? "enable" : "disable") + " trigger points_entry_chain");
        }
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
