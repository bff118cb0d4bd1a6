package com.countyleague.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import com.countyleague.member.LargeCountyGenerator;

/**
 * Fills a generated county with the activity of two years, in set-based statements (the rows are made
 * inside PostgreSQL, never sent one by one): 2,000 community groups of 25 members each, 100,000
 * published activities of the branches and groups spread over the last 730 days, and 50 attendances
 * each — 5,000,000 — of distinct persons, with service time. For the dashboard benchmark.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.countyleague.bench.ActivityGenerator \
 *   -Dexec.args="--url jdbc:postgresql://127.0.0.1:5432/league_bench --groups 2000 --activities 100000 --per-activity 50"
 * </pre>
 */
public final class ActivityGenerator {

    private ActivityGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = LargeCountyGenerator.options(args);
        int groups = Integer.parseInt(o.getOrDefault("groups", "2000"));
        int activities = Integer.parseInt(o.getOrDefault("activities", "100000"));
        int perActivity = Integer.parseInt(o.getOrDefault("per-activity", "50"));
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/league_bench"),
                o.getOrDefault("user", "postgres"), o.getOrDefault("password", ""));
             Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            // persons and branches numbered from 0, so that a row can name one by arithmetic
            sql.execute("create temporary table numbered_person on commit drop as select id, row_number() over (order by id) - 1 as n from person");
            sql.execute("create unique index on numbered_person (n)");
            sql.execute("""
                    create temporary table numbered_branch on commit drop as
                    select id, row_number() over (order by id) - 1 as n from organization where type in ('BRANCH', 'JOINT_BRANCH')""");
            sql.execute("create unique index on numbered_branch (n)");
            sql.execute("analyze numbered_person; analyze numbered_branch");
            long persons = count(sql, "select count(*) from numbered_person");
            long branches = count(sql, "select count(*) from numbered_branch");

            lap(started, "groups", sql.executeUpdate(String.format(Locale.ROOT, """
                    insert into community_group (kind, theme, name, host_org_id, capacity, inactivity_days, status, created_at, version)
                    select case when g %% 20 = 0 then 'PRACTICE_GROUP' when g %% 3 = 0 then 'VOLUNTEER_TEAM' else 'INTEREST_GROUP' end,
                           case when g %% 20 = 0 then 'COMMUNITY_BUILDER' end,
                           '压测团体' || g, b.id, null, 90, 'ACTIVE', now() - interval '800 days', 0
                    from generate_series(0, %d) g join numbered_branch b on b.n = g %% %d""", groups - 1, branches)));
            lap(started, "memberships", sql.executeUpdate(String.format(Locale.ROOT, """
                    insert into group_membership (group_id, person_id, status, source, requested_at, joined_at, version)
                    select g.id, p.id, 'ACTIVE', 'APPLIED', now() - interval '700 days', now() - interval '700 days', 0
                    from (select id, row_number() over (order by id) as r from community_group where name like '压测团体%%') g
                    cross join generate_series(0, 24) k
                    join numbered_person p on p.n = (g.r * 7919 + k * 104729) %% %d""", persons)));
            lap(started, "activities", sql.executeUpdate(String.format(Locale.ROOT, """
                    insert into activity (host_org_id, group_id, type, mode, title, place, starts_at, ends_at, capacity, service_hours,
                                          status, check_in_secret, created_by, created_at, version)
                    select b.id, null, case when a %% 4 = 0 then 'ORGANISATIONAL_LIFE' else 'VOLUNTEER_SERVICE' end, 'OFFLINE',
                           '压测活动' || a, '活动室', t.starts, t.starts + interval '2 hours', null,
                           case when a %% 4 = 0 then null else 2 end, 'PUBLISHED',
                           decode(md5('a' || a) || md5('b' || a), 'hex'), 'bench', t.starts - interval '7 days', 0
                    from generate_series(0, %d) a
                    join numbered_branch b on b.n = a %% %d
                    cross join lateral (select date_trunc('hour', now()) - (a %% 730) * interval '1 day' - (a %% 9) * interval '1 hour' as starts) t
                    """, activities - 1, branches)));
            lap(started, "attendances", sql.executeUpdate(String.format(Locale.ROOT, """
                    insert into attendance (activity_id, person_id, checked_in_at, check_in_method, checked_out_at, check_out_method,
                                            service_minutes, version)
                    select a.id, p.id, a.starts_at, 'CODE', a.ends_at, 'CODE', case when a.service_hours is null then 0 else 120 end, 0
                    from (select id, starts_at, ends_at, service_hours, row_number() over (order by id) as r from activity where created_by = 'bench') a
                    cross join generate_series(0, %d) k
                    join numbered_person p on p.n = (a.r * 7919 + k * 104729) %% %d""", perActivity - 1, persons)));
            db.commit();
            sql.execute("analyze");
        }
        System.out.printf(Locale.ROOT, "generated in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static void lap(long started, String what, int rows) {
        System.out.printf(Locale.ROOT, "%-12s %,10d rows  %6.1f s%n", what, rows, (System.nanoTime() - started) / 1e9);
    }

    private static long count(Statement sql, String query) throws Exception {
        try (var rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
