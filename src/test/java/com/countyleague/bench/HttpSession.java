package com.countyleague.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One browser for the load tools: its own cookies, forms posted with the page's CSRF token, no redirects followed. */
final class HttpSession {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;

    HttpSession(String base) {
        this.base = base;
    }

    /** A new browser, signed in. */
    static HttpSession signIn(String base, String username, String password) {
        HttpSession session = new HttpSession(base);
        session.post("/login", Map.of("username", username, "password", password, "_csrf", token(session.get("/login"))));
        return session;
    }

    /** The bench members rush-1 … rush-N, each in a browser of their own, signed in on the pool's threads. */
    static List<HttpSession> signInMembers(String base, int members, String password, ExecutorService pool) throws Exception {
        List<Future<HttpSession>> signIns = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            String username = "rush-" + i;
            signIns.add(pool.submit(() -> signIn(base, username, password)));
        }
        List<HttpSession> sessions = new ArrayList<>();
        for (Future<HttpSession> f : signIns) {
            sessions.add(f.get());
        }
        return sessions;
    }

    static String token(String page) {
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page: " + page.substring(0, Math.min(300, page.length())));
        }
        return m.group(1);
    }

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private KeepAliveHttp measured;

    /** A GET whose time is measured, in milliseconds; sent over a lean connection of its own (see {@link KeepAliveHttp}). */
    long timedGet(String path) {
        long started = System.nanoTime();
        int status = measured().get(path, cookieHeader()).status();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (status != 200) {
            throw new IllegalStateException(path + " answered " + status);
        }
        return millis;
    }

    /** A form post whose answer is measured by the caller; over the same lean connection. */
    KeepAliveHttp.Answer measuredPost(String path, Map<String, String> form) {
        return measured().post(path, cookieHeader(), encode(form));
    }

    private KeepAliveHttp measured() {
        if (measured == null) {
            measured = new KeepAliveHttp(base);
        }
        return measured;
    }

    private String cookieHeader() {
        return String.join("; ", cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString).toList());
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

    HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (!fields.containsKey("_csrf")) {
            fields.put("_csrf", token(get("/admin/people/import")));
        }
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
    }

    private static String encode(Map<String, String> form) {
        return String.join("&", form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
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

    HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = sendRaw(request);
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return response;
    }

    /** The answer whatever its status: for tools that count refusals. */
    HttpResponse<String> sendRaw(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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
