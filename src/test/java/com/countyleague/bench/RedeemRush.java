package com.countyleague.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.countyleague.member.LargeCountyGenerator;

/**
 * 500 members redeem one item at once through the JSON API. The county admin puts an item with less
 * stock than members on offer; every member (the rush-N accounts of {@link CheckInRush}, with points
 * from {@link PointsGenerator}) signs in, and then all ask for it through a pool of clients. Prints the
 * latency, how many got it and how many were refused, and checks in the database that the stock went
 * to zero exactly, each success took its points once, and the bank's books still agree.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.countyleague.bench.RedeemRush \
 *   -Dexec.args="--base http://localhost:8091 --url jdbc:postgresql://127.0.0.1:5432/league_bench --members 500 --stock 300 --concurrency 16"
 * </pre>
 */
public final class RedeemRush {

    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern ITEM_ROW = Pattern.compile("/admin/points/rewards/(\\d+)/edit\">([^<]+)<");

    private RedeemRush() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = LargeCountyGenerator.options(args);
        String base = o.getOrDefault("base", "http://localhost:8091");
        String url = o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/league_bench");
        int members = Integer.parseInt(o.getOrDefault("members", "500"));
        int stock = Integer.parseInt(o.getOrDefault("stock", "300"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "16"));

        HttpSession admin = HttpSession.signIn(base, "bench", LargeCountyGenerator.PASSWORD);
        String name = "压测兑换 " + UUID.randomUUID().toString().substring(0, 8);
        String form = admin.get("/admin/points/rewards/new");
        Matcher org = Pattern.compile("<option value=\"(\\d+)\"").matcher(form.substring(form.indexOf("providerOrgId")));
        if (!org.find()) {
            throw new IllegalStateException("no organisation to provide the item");
        }
        admin.post("/admin/points/rewards/new", Map.of("_csrf", HttpSession.token(form), "name", name, "kind", "GOODS", "provider", "压测",
                "providerOrgId", org.group(1), "cost", "10", "stock", Integer.toString(stock)));
        long item = -1;
        Matcher row = ITEM_ROW.matcher(admin.get("/admin/points/rewards"));
        while (row.find()) {
            if (row.group(2).equals(name)) {
                item = Long.parseLong(row.group(1));
            }
        }
        admin.post("/admin/points/rewards/" + item + "/publish", Map.of("_csrf", HttpSession.token(admin.get("/admin/points/rewards")),
                "published", "true"));

        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<HttpSession> sessions = HttpSession.signInMembers(base, members, LargeCountyGenerator.PASSWORD, pool);
        // a mini-program holds the CSRF token from the page it was opened on
        List<String> tokens = new ArrayList<>();
        for (HttpSession s : sessions) {
            Matcher m = META_CSRF.matcher(s.get("/me/"));
            tokens.add(m.find() ? m.group(1) : "");
        }

        long finalItem = item;
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < sessions.size(); i++) {
            queue.add(i);
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(pool.submit(() -> {
                go.await();
                Integer i;
                while ((i = queue.poll()) != null) {
                    long t = System.nanoTime();
                    HttpResponse<String> answer = sessions.get(i).sendRaw(HttpRequest.newBuilder(URI.create(base + "/api/v1/me/redemptions"))
                            .header("Content-Type", "application/json").header("X-CSRF-TOKEN", tokens.get(i))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"itemId\": " + finalItem + "}")).build());
                    latencies.add((System.nanoTime() - t) / 1_000_000);
                    if (answer.statusCode() == 201) {
                        created.incrementAndGet();
                    } else if (answer.statusCode() == 409 && answer.body().contains("reward.out-of-stock")) {
                        refused.incrementAndGet();
                    } else {
                        other.incrementAndGet();
                        System.err.println(answer.statusCode() + " " + answer.body());
                    }
                }
                return null;
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        for (Future<?> f : workers) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        System.out.printf(Locale.ROOT, "redemptions %s; %d created (201), %d refused out of stock (409), %d otherwise%n",
                new Figures(latencies).summary(seconds), created.get(), refused.get(), other.get());

        try (Connection db = DriverManager.getConnection(url, o.getOrDefault("user", "postgres"), o.getOrDefault("password", ""));
             PreparedStatement check = db.prepareStatement("""
                     select (select stock from reward_item where id = ?),
                            (select count(*) from redemption where item_id = ?),
                            (select count(*) from points_entry e join redemption r on e.ref_id = r.id and e.ref_type = 'REDEMPTION'
                             where r.item_id = ? and e.kind = 'REDEEM'),
                            (select count(*) from (select a.person_id from points_account a left join points_entry e on e.person_id = a.person_id
                                                   group by a.person_id, a.balance having a.balance <> coalesce(sum(e.amount), 0)) m)""")) {
            for (int p = 1; p <= 3; p++) {
                check.setLong(p, item);
            }
            try (ResultSet r = check.executeQuery()) {
                r.next();
                System.out.printf(Locale.ROOT, "item %d: stock left %d, redemptions %d, redeem entries %d; accounts whose balance disagrees: %d%n",
                        item, r.getInt(1), r.getLong(2), r.getLong(3), r.getLong(4));
            }
        }
    }
}
