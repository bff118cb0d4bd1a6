package com.countyleague.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application on a PostgreSQL of this test's own, which the test stops while a member is signed
 * in: every page answers 503 in the user's language within two seconds, the JSON API a problem
 * document, health says DOWN, a form sent meanwhile leaves nothing behind; when the server returns,
 * the same session works again without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DatabaseOutageTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Path DATA = Path.of("target", "outage-postgres", "data");
    private static int port;
    private static EmbeddedPostgres server;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // a fresh cluster for each run, kept across the stop in the middle of the test
        FileSystemUtils.deleteRecursively(DATA);
        Files.createDirectories(DATA.getParent());
        server = start();
        registry.add("spring.datasource.url", () -> "jdbc:postgresql://localhost:" + port + "/postgres");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    private static EmbeddedPostgres start() throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(DATA).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    @LocalServerPort
    int appPort;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStoppedDatabaseIsA503WithinTwoSecondsAndTheApplicationRecoversByItself() throws Exception {
        HttpClient member = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        String login = get(member, "/login").body();
        post(member, "/login", "username=member&password=Demo%402026&_csrf=" + token(login));
        HttpResponse<String> privacy = get(member, "/me/privacy");
        assertThat(privacy.statusCode()).isEqualTo(200);
        String csrf = token(privacy.body());
        long memberId = jdbc.sql("select person_id from account where username = 'member'").query(Long.class).single();
        long requestsBefore = corrections(memberId);

        server.close();

        long started = System.nanoTime();
        HttpResponse<String> page = get(member, "/me/points");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Database down: a page answered %d in %d ms%n", page.statusCode(), millis);
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(millis).isLessThan(2000);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("数据库暂时连接不上").doesNotContain("Exception").doesNotContain("at com.");

        HttpResponse<String> api = get(member, "/api/v1/me/points");
        assertThat(api.statusCode()).isEqualTo(503);
        assertThat(api.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(api.body()).contains("\"status\":503");

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", "league-lang=en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(503);
        assertThat(anonymous.body()).contains("The database cannot be reached");

        assertThat(get(HttpClient.newHttpClient(), "/actuator/health").body()).contains("DOWN");
        assertThat(post(member, "/me/privacy/corrections", "field=NAME&wanted=%E5%BC%A0%E6%96%B0&_csrf=" + csrf).statusCode())
                .isEqualTo(503);

        server = start();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(member, "/me/points").statusCode() == 200);
        assertThat(get(HttpClient.newHttpClient(), "/actuator/health").body()).contains("\"UP\"");
        assertThat(corrections(memberId)).as("the form sent while the database was down left nothing").isEqualTo(requestsBefore);
    }

    private long corrections(long personId) {
        return jdbc.sql("select count(*) from correction_request where person_id = ?").param(personId).query(Long.class).single();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + appPort + path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on the page").isTrue();
        return m.group(1);
    }
}
