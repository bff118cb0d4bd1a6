package com.countyleague.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import com.countyleague.member.LargeCountyGenerator;

/**
 * Places for a generated county (after the application has migrated it), in set-based statements:
 * compounds up to 3,000 with positions scattered over a 30 km square, 300 venues of which 100 are
 * Youth Homes, and 40 bookings each over the coming weeks. For the coverage and venue-week benchmarks.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.countyleague.bench.PlaceGenerator \
 *   -Dexec.args="--url jdbc:postgresql://127.0.0.1:5432/league_bench --compounds 3000 --venues 300"
 * </pre>
 */
public final class PlaceGenerator {

    private PlaceGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = LargeCountyGenerator.options(args);
        int compounds = Integer.parseInt(o.getOrDefault("compounds", "3000"));
        int venues = Integer.parseInt(o.getOrDefault("venues", "300"));
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/league_bench"),
                o.getOrDefault("user", "postgres"), o.getOrDefault("password", ""));
             Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("create temporary table numbered_branch on commit drop as "
                    + "select id, row_number() over (order by id) - 1 as n from organization where type in ('BRANCH', 'JOINT_BRANCH')");
            sql.execute("analyze numbered_branch");
            int added = sql.executeUpdate(String.format(Locale.ROOT, """
                    insert into compound (branch_id, name, created_at, version)
                    select b.id, '压测小区' || g, now(), 0
                    from generate_series(1, greatest(0, %d - (select count(*) from compound))) g
                    join numbered_branch b on b.n = g %% (select count(*) from numbered_branch)""", compounds));
            // positions over a 30 km square about 30.6° N, 104.0° E (0.27° of latitude, 0.31° of longitude)
            sql.executeUpdate("""
                    update compound set latitude = round((30.5 + random() * 0.27)::numeric, 6),
                                        longitude = round((103.9 + random() * 0.31)::numeric, 6)""");
            int made = sql.executeUpdate(String.format(Locale.ROOT, """
                    insert into venue (name, kind, organization_id, latitude, longitude, opens_at, closes_at, capacity, created_at, version)
                    select '压测阵地' || g,
                           case when g %% 3 = 0 then 'YOUTH_HOME_FUNCTION' when g %% 30 = 1 then 'YOUTH_HOME_FLAGSHIP'
                                when g %% 3 = 1 then 'BOOK_BAR' else 'SHARED_SPACE' end,
                           b.id, round((30.5 + random() * 0.27)::numeric, 6), round((103.9 + random() * 0.31)::numeric, 6),
                           time '08:00', time '22:00', 60, now(), 0
                    from generate_series(1, %d) g join numbered_branch b on b.n = g %% (select count(*) from numbered_branch)""", venues));
            // 40 one-hour bookings per venue on the coming 20 days, two a day, never overlapping
            int booked = sql.executeUpdate("""
                    insert into venue_booking (venue_id, starts_at, ends_at, purpose, attendees, status, requested_by, decided_by,
                                               created_at, version)
                    select v.id, t.starts, t.starts + interval '1 hour', '压测预订', 20, 'CONFIRMED', 'bench', 'bench', now(), 0
                    from venue v cross join generate_series(0, 39) k
                    cross join lateral (select date_trunc('day', now()) + (k / 2 + 1) * interval '1 day'
                                               + (9 + (k % 2) * 5) * interval '1 hour' as starts) t
                    where v.name like '压测阵地%'""");
            db.commit();
            sql.execute("analyze");
            System.out.printf(Locale.ROOT, "%d compounds added, all located; %d venues; %d bookings; %.1f s%n", added, made, booked,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
