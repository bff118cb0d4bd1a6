package com.countyleague.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import com.countyleague.member.LargeCountyGenerator;

/**
 * Fills the points bank of a generated county (after the application has migrated it): accounts for
 * the first 250,000 persons and the bench member accounts (rush-N), eight entries each — six
 * earnings, two redemptions, running balances — so 2,000,000 entries, with balances that agree.
 * Accounts that already hold points keep them; their history continues from the balance.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.countyleague.bench.PointsGenerator \
 *   -Dexec.args="--url jdbc:postgresql://127.0.0.1:5432/league_bench --accounts 250000"
 * </pre>
 */
public final class PointsGenerator {

    private PointsGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = LargeCountyGenerator.options(args);
        int accounts = Integer.parseInt(o.getOrDefault("accounts", "250000"));
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/league_bench"),
                o.getOrDefault("user", "postgres"), o.getOrDefault("password", ""));
             Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            int opened = sql.executeUpdate("""
                    insert into points_account (person_id, balance, earned_total, card_number, card_code, created_at, version)
                    select id, 0, 0, 'QB' || lpad(id::text, 10, '0'), md5('card' || id), now(), 0
                    from (select id from (select id from person order by id limit %d) first
                          union select person_id from account where username like 'rush-%%' and person_id is not null) chosen
                    on conflict (person_id) do nothing""".formatted(accounts));
            // accounts may already hold points (the check-in rush pays its members), so the history
            // continues from each balance, and a second run adds nothing
            sql.execute("""
                    create temporary table chosen on commit drop as
                    select a.person_id, a.balance from points_account a
                    where (a.person_id in (select id from person order by id limit %d)
                           or a.person_id in (select person_id from account where username like 'rush-%%'))
                      and not exists (select 1 from points_entry e where e.idempotency_key = 'bench:' || a.person_id || ':1')"""
                    .formatted(accounts));
            int entries = sql.executeUpdate("""
                    insert into points_entry (person_id, kind, amount, balance_after, reason, ref_type, ref_id, rule_id, action_day,
                                              organization_id, idempotency_key, author, created_at)
                    select c.person_id, k.kind, k.amount, c.balance + sum(k.amount) over (partition by c.person_id order by k.n), k.reason,
                           null, null, null, current_date - (9 - k.n) * 20, p.organization_id, 'bench:' || c.person_id || ':' || k.n, 'bench',
                           now() - make_interval(days => (9 - k.n) * 20)
                    from chosen c
                    join person p on p.id = c.person_id
                    cross join (values (1, 'EARN', 20, '垃圾分类入户宣传'), (2, 'EARN', 15, '主题团日'), (3, 'EARN', 25, '社区环境清洁日'),
                                       (4, 'REDEEM', -10, '共享工具屋借用一周'), (5, 'EARN', 30, '老年人智能手机教学'),
                                       (6, 'EARN', 10, '周末桌游夜'), (7, 'REDEEM', -20, '书吧饮品一杯'), (8, 'EARN', 20, '小区门岗值守'))
                         as k(n, kind, amount, reason)""");
            sql.executeUpdate("""
                    update points_account a set balance = a.balance + 90, earned_total = a.earned_total + 120
                    from chosen c where c.person_id = a.person_id""");
            db.commit();
            sql.execute("analyze points_account");
            sql.execute("analyze points_entry");
            System.out.printf(Locale.ROOT, "%d accounts opened, %d entries written in %.1f s%n", opened, entries,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
