package com.countyleague.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern ROW_ID = Pattern.compile("data-row-id=\"(\\d+)\"");
    private static final Pattern ORG_CODE = Pattern.compile("<td>([A-Z0-9-]+)</td>");
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
        Session probe = signIn();
        List<String> committees = probe.matches("/admin/orgs?type=COMMITTEE&size=100", ROW_ID);
        List<String> branches = probe.matches("/admin/orgs?type=BRANCH&size=100", ROW_ID);
        Function<Session, Long> step = switch (scenario) {
            case "ledger-subtree-age" -> s -> s.timedGet("/admin/people?ledger=LEAGUE_MEMBER&ageFrom=18&ageTo=25&under=" + any(committees));
            case "ledger-branch" -> s -> s.timedGet("/admin/people?ledger=YOUTH&under=" + any(branches));
            case "ledger-search-mobile" -> s -> s.timedGet("/admin/people?ledger=YOUTH&text=1" + (3 + ThreadLocalRandom.current().nextInt(7))
                    + String.format(Locale.ROOT, "%09d", ThreadLocalRandom.current().nextInt(250_000)));
            case "ledger-search-name" -> s -> s.timedGet("/admin/people?ledger=YOUTH&under=" + any(committees) + "&text=王");
            case "ledger-first-page" -> s -> s.timedGet("/admin/people");
            case "import-10k" -> s -> importSheet(s, probe.matches("/admin/orgs?type=BRANCH&size=10", ORG_CODE).get(0), 10_000);
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        };
        boolean single = scenario.startsWith("import");
        int count = single ? 1 : requests;
        List<Session> sessions = new ArrayList<>();
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
            Session session = sessions.get(w);
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
    private long importSheet(Session session, String branchCode, int rows) {
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

    private Session signIn() throws IOException, InterruptedException {
        Session session = new Session();
        String login = session.get("/login");
        session.post("/login", Map.of("username", user, "password", password, "_csrf", token(login)));
        if (session.get("/admin/").contains("name=\"password\"")) {
            throw new IllegalStateException("could not sign in as " + user);
        }
        return session;
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page: " + page.substring(0, Math.min(300, page.length())));
        }
        return m.group(1);
    }

    /** One signed-in browser: its own cookies and CSRF token. */
    private final class Session {

        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        long timedGet(String path) {
            long started = System.nanoTime();
            get(path);
            return (System.nanoTime() - started) / 1_000_000;
        }

        List<String> matches(String path, Pattern pattern) {
            Matcher m = pattern.matcher(get(path));
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }

        String get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build()).body();
        }

        void post(String path, Map<String, String> form) {
            Map<String, String> fields = new LinkedHashMap<>(form);
            if (!fields.containsKey("_csrf")) {
                fields.put("_csrf", token(get("/admin/people/import")));
            }
            String body = String.join("&", fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
            send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        String upload(String path, String fileName, byte[] content) {
            String boundary = "----league" + System.nanoTime();
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String csrf = token(get("/admin/people/import"));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build()).body();
        }

        /** Polls the progress address until the server says the work is done (it asks for a reload). */
        void awaitDone(String jobId) {
            for (int i = 0; i < 1200; i++) {
                HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/admin/people/import/" + jobId + "/progress")).GET().build());
                if (response.headers().firstValue("HX-Refresh").isPresent()) {
                    return;
                }
                sleep(100);
            }
            throw new IllegalStateException("import " + jobId + " did not finish");
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 400) {
                    throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
                }
                return response;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
