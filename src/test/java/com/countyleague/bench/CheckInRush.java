package com.countyleague.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.countyleague.member.LargeCountyGenerator;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * 500 members check in to one activity at once. Prepares member accounts for the first persons of a
 * branch (over JDBC), has the county admin create and publish an activity in progress (over HTTP),
 * signs every member in, then lets a pool of clients check them all in with the code the
 * organiser's screen shows at that moment (refreshed as the screen does), and does it all a second
 * time. Prints the latency of the first wave and checks in the database that each member was
 * recorded exactly once.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.countyleague.bench.CheckInRush \
 *   -Dexec.args="--base http://localhost:8091 --url jdbc:postgresql://127.0.0.1:5432/league_bench --members 500 --concurrency 8"
 * </pre>
 */
public final class CheckInRush {

    private static final Pattern CODE = Pattern.compile("id=\"checkin-code\">(\\d{6})<");
    private static final Pattern ACTIVITY = Pattern.compile("/activities/(\\d+)");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private CheckInRush() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = LargeCountyGenerator.options(args);
        String base = o.getOrDefault("base", "http://localhost:8091");
        String url = o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/league_bench");
        int members = Integer.parseInt(o.getOrDefault("members", "500"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "8"));
        ZoneId zone = ZoneId.of(o.getOrDefault("zone", "Asia/Shanghai"));

        long branch;
        try (Connection db = DriverManager.getConnection(url, o.getOrDefault("user", "postgres"), o.getOrDefault("password", ""))) {
            branch = memberAccounts(db, members);
        }
        HttpSession admin = HttpSession.signIn(base, "bench", LargeCountyGenerator.PASSWORD);
        LocalDateTime now = LocalDateTime.now(zone);
        HttpResponse<String> created = admin.post("/activities/new", Map.of("_csrf", HttpSession.token(admin.get("/activities/new")),
                "hostOrgId", Long.toString(branch), "type", "VOLUNTEER_SERVICE", "mode", "OFFLINE", "title", "压测签到活动 " + now,
                "startsAt", now.minusMinutes(5).format(LOCAL), "endsAt", now.plusHours(2).format(LOCAL), "serviceHours", "2"));
        Matcher id = ACTIVITY.matcher(created.headers().firstValue("Location").orElse(""));
        if (!id.find()) {
            throw new IllegalStateException("the activity was not created: " + created.statusCode());
        }
        long activity = Long.parseLong(id.group(1));
        admin.post("/activities/" + activity + "/publish", Map.of("_csrf", HttpSession.token(admin.get("/activities/" + activity))));

        long signInStarted = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<HttpSession> sessions = HttpSession.signInMembers(base, members, LargeCountyGenerator.PASSWORD, pool);
        System.out.printf(Locale.ROOT, "%d members signed in in %.1f s (not measured below)%n", sessions.size(),
                (System.nanoTime() - signInStarted) / 1e9);
        // each member needs a page's CSRF token, as a phone that opened the check-in page has
        List<String> tokens = new ArrayList<>();
        for (HttpSession s : sessions) {
            tokens.add(HttpSession.token(s.get("/me/check-in")));
        }

        AtomicReference<String> code = new AtomicReference<>(screenCode(admin, activity));
        Thread screen = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(5_000);
                    code.set(screenCode(admin, activity));
                } catch (InterruptedException stop) {
                    return;
                } catch (RuntimeException ignored) {
                    // a missed refresh keeps the last code, valid for another window
                }
            }
        });
        screen.setDaemon(true);
        screen.start();

        for (String wave : List.of("first", "second")) {
            String expected = wave.equals("first") ? "签到成功" : "无需重复签到";
            ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < sessions.size(); i++) {
                queue.add(i);
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            long started = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(pool.submit(() -> {
                    Integer i;
                    while ((i = queue.poll()) != null) {
                        long t = System.nanoTime();
                        try {
                            KeepAliveHttp.Answer answer = sessions.get(i).measuredPost("/me/check-in",
                                    Map.of("_csrf", tokens.get(i), "code", code.get()));
                            latencies.add((System.nanoTime() - t) / 1_000_000);
                            if (!new String(answer.body(), StandardCharsets.UTF_8).contains(expected)) {
                                errors.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            errors.incrementAndGet();
                            System.err.println(e.getMessage());
                        }
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%s wave: check-ins %s; %d not answered \"%s\"%n", wave,
                    new Figures(latencies).summary(seconds), errors.get(), expected);
        }
        screen.interrupt();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);

        try (Connection db = DriverManager.getConnection(url, o.getOrDefault("user", "postgres"), o.getOrDefault("password", ""));
             PreparedStatement count = db.prepareStatement("select count(*), count(distinct person_id) from attendance where activity_id = ?")) {
            count.setLong(1, activity);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                System.out.printf(Locale.ROOT, "attendance rows for activity %d: %d, distinct persons: %d (expected %d)%n", activity,
                        r.getLong(1), r.getLong(2), members);
            }
        }
    }

    /** Accounts rush-1 … rush-N for the first persons of the first branch, created once. Returns the branch. */
    private static long memberAccounts(Connection db, int members) throws SQLException {
        long branch;
        try (PreparedStatement first = db.prepareStatement("""
                select organization_id from person where organization_id in (select id from organization where type = 'BRANCH')
                group by organization_id having count(*) >= ? order by organization_id limit 1""")) {
            first.setInt(1, members);
            try (ResultSet r = first.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("no branch has " + members + " persons");
                }
                branch = r.getLong(1);
            }
        }
        String hash = new BCryptPasswordEncoder().encode(LargeCountyGenerator.PASSWORD);
        try (PreparedStatement insert = db.prepareStatement("""
                insert into account (username, password_hash, display_name, role, organization_id, enabled, must_change_password,
                                     failed_attempts, created_at, password_changed_at, version, person_id)
                select 'rush-' || n, ?, '压测成员' || n, 'MEMBER', ?, true, false, 0, ?, ?, 0, p.id
                from (select id, row_number() over (order by id) as n from person where organization_id = ?) p
                where n <= ? and not exists (select 1 from account a where a.username = 'rush-' || n)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, hash);
            insert.setLong(2, branch);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.setLong(5, branch);
            insert.setInt(6, members);
            insert.executeUpdate();
        }
        return branch;
    }

    private static String screenCode(HttpSession admin, long activity) {
        Matcher m = CODE.matcher(admin.get("/activities/" + activity + "/screen/live"));
        if (!m.find()) {
            throw new IllegalStateException("no code on the screen of activity " + activity);
        }
        return m.group(1);
    }
}
