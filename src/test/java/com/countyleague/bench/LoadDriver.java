package com.countyleague.bench;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.countyleague.member.Gender;
import com.countyleague.member.Sheets;
import com.countyleague.member.TestIds;

/**
 * Replays named scenarios against a running County League over HTTP, the way browsers would, and
 * prints throughput and p50/p95/p99 latency per scenario. Later issues add their scenarios here.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.countyleague.bench.LoadDriver \
 *   -Dexec.args="--base http://localhost:8080 --user bench --password Bench@2026 --scenarios ledger-subtree-age --requests 300"
 * </pre>
 */
public final class LoadDriver {

    private static final Pattern ROW_ID = Pattern.compile("data-row-id=\"(\\d+)\"");
    private static final Pattern ORG_CODE = Pattern.compile("<td>([A-Z0-9-]+)</td>");
    private static final Pattern VENUE_ID = Pattern.compile("href=\"/admin/venues/(\\d+)\"");
    private static final Pattern JOB = Pattern.compile("/admin/people/import/(\\d+)/progress");

    private final String base;
    private final String user;
    private final String password;

    private LoadDriver(String base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        LoadDriver driver = new LoadDriver(o.getOrDefault("base", "http://localhost:8080"), o.getOrDefault("user", "bench"),
                o.getOrDefault("password", "Bench@2026"));
        int requests = Integer.parseInt(o.getOrDefault("requests", "300"));
        int concurrency = Integer.parseInt(o.getOrDefault("concurrency", "4"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "30"));
        String scenarios = o.getOrDefault("scenarios", "ledger-subtree-age,ledger-branch,ledger-search-mobile,import-10k");
        System.out.printf(Locale.ROOT, "%-22s %8s %7s %9s %8s %8s %8s%n", "scenario", "requests", "errors", "req/s", "p50 ms", "p95 ms", "p99 ms");
        for (String scenario : scenarios.split(",")) {
            driver.run(scenario.trim(), requests, concurrency, warmup);
        }
    }

    private void run(String scenario, int requests, int concurrency, int warmup) throws Exception {
        HttpSession probe = signIn();
        boolean ledger = scenario.startsWith("ledger") || scenario.startsWith("dashboard");
        List<String> committees = ledger ? probe.matches("/admin/orgs?type=COMMITTEE&size=100", ROW_ID) : List.of();
        List<String> branches = ledger ? probe.matches("/admin/orgs?type=BRANCH&size=100", ROW_ID) : List.of();
        List<String> venueIds = scenario.equals("venue-week") ? probe.matches("/admin/venues", VENUE_ID) : List.of();
        Function<HttpSession, Long> step = switch (scenario) {
            case "ledger-subtree-age" -> s -> s.timedGet("/admin/people?ledger=LEAGUE_MEMBER&ageFrom=18&ageTo=25&under=" + any(committees));
            case "ledger-branch" -> s -> s.timedGet("/admin/people?ledger=YOUTH&under=" + any(branches));
            case "ledger-search-mobile" -> s -> s.timedGet("/admin/people?ledger=YOUTH&text=1" + (3 + ThreadLocalRandom.current().nextInt(7))
                    + String.format(Locale.ROOT, "%09d", ThreadLocalRandom.current().nextInt(250_000)));
            case "ledger-search-name" -> s -> s.timedGet("/admin/people?ledger=YOUTH&under=" + any(committees) + "&text=王");
            case "ledger-first-page" -> s -> s.timedGet("/admin/people");
            // a member's own points: the page members open most, and the same as JSON
            case "me-points" -> s -> s.timedGet("/me/points");
            case "api-points" -> s -> s.timedGet("/api/v1/me/points");
            // the county admin's home (the county's dashboard) and the dashboard of a committee's subtree
            case "dashboard-county" -> s -> s.timedGet("/admin/");
            case "dashboard-committee" -> s -> s.timedGet("/admin/dashboard?org=" + any(committees));
            // the walking-circle coverage of the whole county (computed live), and a venue's week
            case "coverage-county" -> s -> s.timedGet("/admin/venues/coverage");
            case "venue-week" -> s -> s.timedGet("/admin/venues/" + any(venueIds));
            case "councils-county" -> s -> s.timedGet("/admin/councils");
            case "issues-overdue-county" -> s -> s.timedGet("/admin/issues?overdue=true");
            case "import-10k" -> s -> importSheet(s, probe.matches("/admin/orgs?type=BRANCH&size=10", ORG_CODE).get(0), 10_000);
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        };
        boolean single = scenario.startsWith("import");
        int count = single ? 1 : requests;
        List<HttpSession> sessions = new ArrayList<>();
        for (int i = 0; i < (single ? 1 : concurrency); i++) {
            sessions.add(signIn());
        }
        for (int i = 0; i < (single ? 0 : warmup); i++) {
            step.apply(sessions.get(i % sessions.size()));
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        int[] errors = {0};
        ExecutorService pool = Executors.newFixedThreadPool(sessions.size());
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < sessions.size(); w++) {
            HttpSession session = sessions.get(w);
            int share = count / sessions.size() + (w < count % sessions.size() ? 1 : 0);
            futures.add(pool.submit(() -> {
                for (int i = 0; i < share; i++) {
                    try {
                        latencies.add(step.apply(session));
                    } catch (RuntimeException e) {
                        synchronized (errors) {
                            errors[0]++;
                        }
                        System.err.println(scenario + ": " + e.getMessage());
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-22s %8d %7d %9.1f %8.1f %8.1f %8.1f%n", scenario, sorted.size(), errors[0],
                sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99));
    }

    /** Uploads a generated sheet, waits for the check, confirms, waits for the commit; returns the whole time. */
    private long importSheet(HttpSession session, String branchCode, int rows) {
        List<List<Object>> cells = new ArrayList<>();
        long salt = System.nanoTime() % 10_000;
        for (int i = 0; i < rows; i++) {
            cells.add(Sheets.row("压测导入", TestIds.of(LocalDate.of(1995, 1, 1).plusDays((i + salt) % 4000), i % 2 == 0 ? Gender.MALE : Gender.FEMALE),
                    null, "青年", branchCode));
        }
        byte[] sheet = Sheets.xlsx(Sheets.HEADERS, cells);
        long started = System.nanoTime();
        String page = session.upload("/admin/people/import", "sheet.xlsx", sheet);
        Matcher job = JOB.matcher(page);
        String jobId;
        if (job.find()) {
            jobId = job.group(1);
            session.awaitDone(jobId);
        } else {
            throw new IllegalStateException("no import job in the answer");
        }
        String preview = session.get("/admin/people/import/" + jobId);
        if (!preview.contains("confirm-import")) {
            throw new IllegalStateException("the sheet did not validate");
        }
        session.post("/admin/people/import/" + jobId + "/confirm", Map.of());
        session.awaitDone(jobId);
        if (!session.get("/admin/people/import/" + jobId).contains("import-done")) {
            throw new IllegalStateException("the import did not finish");
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String any(List<String> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private HttpSession signIn() throws IOException, InterruptedException {
        HttpSession session = new HttpSession(base);
        String login = session.get("/login");
        session.post("/login", Map.of("username", user, "password", password, "_csrf", HttpSession.token(login)));
        if (session.get("/me/").contains("name=\"password\"")) {
            throw new IllegalStateException("could not sign in as " + user);
        }
        return session;
    }
}
