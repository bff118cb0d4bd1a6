package com.countyleague;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.countyleague.books.BookAudit;
import com.countyleague.member.IdentityNumbers;
import com.countyleague.points.PointsBook;
import com.countyleague.volunteer.ServiceTimeBook;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backup procedure of docs/operations.md, tested: the demo county (with whatever the tests have
 * added) dumped with pg_dump in the custom format, restored with pg_restore into a fresh database;
 * every balance, chain and certificate is there as it was, the dump alone shows no identity number,
 * and the application starts on the restored database and reads the numbers with the data key.
 * pg_dump does not come with the embedded PostgreSQL: this test uses the machine's PostgreSQL client
 * (PATH, {@code PG_BIN} or /usr/lib/postgresql/N/bin) of the server's version or newer.
 */
@IntegrationTest
class BackupRestoreTests {

    @Autowired
    DataSource application;

    @Test
    void aDumpOfTheCountyRestoresIntoAFreshDatabaseWithEveryBalanceChainAndCertificateAndTheApplicationStartsOnIt() throws Exception {
        JdbcTemplate original = new JdbcTemplate(application);
        int serverMajor = original.queryForObject("show server_version_num", Integer.class) / 10_000;
        Optional<Path> bin = clientTools(serverMajor);
        Assumptions.assumeTrue(bin.isPresent(), "no pg_dump/pg_restore of PostgreSQL " + serverMajor + " or newer on this machine");

        Path dir = Files.createDirectories(Path.of("target", "backup"));
        Path dump = dir.resolve("county.dump");
        try (ScratchDatabase restored = ScratchDatabase.empty(application, "restored_county")) {
            String sourceUri = libpq(((HikariDataSource) application).getJdbcUrl(), restored.user());
            run(bin.get(), dir, "pg_dump", "--format=custom", "--no-owner", "--file=" + dump.toAbsolutePath(), "--dbname=" + sourceUri);
            run(bin.get(), dir, "pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + libpq(restored.url(), restored.user()),
                    dump.toAbsolutePath().toString());
            JdbcTemplate copy = restored.jdbc();

            // the same entries, certificates and heads, byte for byte (all are append-only: what the dump holds is still in the original)
            for (String table : List.of("points_entry", "service_time_entry", "service_certificate")) {
                long last = copy.queryForObject("select coalesce(max(id), 0) from " + table, Long.class);
                String fingerprint = "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t.id)), '') from " + table
                        + " t where t.id <= " + last;
                assertThat(copy.queryForObject(fingerprint, String.class)).as(table).isEqualTo(original.queryForObject(fingerprint, String.class));
            }
            String heads = "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t.book, t.day)), '') from book_head t";
            assertThat(copy.queryForObject(heads, String.class)).isEqualTo(original.queryForObject(heads, String.class));
            // every balance agrees with its newest entry
            assertThat(copy.queryForObject("""
                    select count(*) from points_account a
                    where a.balance <> coalesce((select e.balance_after from points_entry e where e.person_id = a.person_id
                                                 order by e.seq desc limit 1), 0)""", Long.class)).isZero();
            assertThat(copy.queryForObject("select count(*) from points_account", Long.class)).isPositive();
            // the chains and heads verify; tests that moved the clock back may have dated entries into published days, and the
            // restore must not change what the original says about them
            List<BookAudit.Finding> restoredFindings = verify(restored);
            assertThat(restoredFindings).extracting(BookAudit.Finding::kind).isSubsetOf(BookAudit.Kind.BACKDATED);

            // the dump alone shows identity numbers only encrypted
            Process text = new ProcessBuilder(bin.get().resolve("pg_restore").toString(), "--data-only", "--table=person", "--file=-",
                    dump.toAbsolutePath().toString()).redirectErrorStream(true).start();
            String people = new String(text.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(people).contains("COPY public.person");
            List<String> numbers = decrypted(restored);
            assertThat(numbers).isNotEmpty().allSatisfy(number -> assertThat(people).doesNotContain(number));
        }
    }

    /** Starts the application on the restored database with the demo county's data key; returns numbers it could decrypt. */
    private List<String> decrypted(ScratchDatabase restored) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CountyLeagueApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=" + restored.url(), "--spring.datasource.username=" + restored.user(),
                        "--spring.datasource.password=" + restored.password(), "--server.port=0", "--league.dashboard.refresh=-",
                        "--league.reminders.cron=-")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
            IdentityNumbers identity = app.getBean(IdentityNumbers.class);
            List<String> numbers = new ArrayList<>();
            restored.jdbc().query("select id_number_cipher, id_number_hash from person order by id limit 20", rs -> {
                String number = identity.open(rs.getBytes(1));
                assertThat(identity.hashOf(number)).isEqualTo(rs.getString(2));
                numbers.add(number);
            });
            return numbers;
        }
    }

    private static List<BookAudit.Finding> verify(ScratchDatabase db) {
        return db.inTransaction(t -> new BookAudit(t, List.of(PointsBook.BOOK, ServiceTimeBook.BOOK), ZoneId.of("Asia/Shanghai"))
                .verify(List.of(), Instant.now())).findings();
    }

    /** {@code jdbc:postgresql://host:port/db?…} as libpq wants it, with the user. */
    private static String libpq(String jdbcUrl, String user) {
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int query = rest.indexOf('?');
        return "postgresql://" + user + "@" + (query < 0 ? rest : rest.substring(0, query));
    }

    private static void run(Path bin, Path dir, String tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString()));
        command.addAll(List.of(args));
        Path log = dir.resolve(tool + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(tool + " finished").isTrue();
        assertThat(process.exitValue()).as(tool + ": " + Files.readString(log)).isZero();
    }

    /** The directory of pg_dump and pg_restore of at least the server's major version, if this machine has one. */
    private static Optional<Path> clientTools(int serverMajor) {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv("PG_BIN")).map(Path::of).ifPresent(candidates::add);
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).map(Path::of).forEach(candidates::add);
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            versions.map(v -> v.resolve("bin")).sorted(Comparator.reverseOrder()).forEach(candidates::add);
        } catch (IOException none) {
            // no Debian-style PostgreSQL installation
        }
        return candidates.stream()
                .filter(dir -> Files.isExecutable(dir.resolve("pg_dump")) && Files.isExecutable(dir.resolve("pg_restore")))
                .filter(dir -> major(dir.resolve("pg_dump")) >= serverMajor)
                .findFirst();
    }

    private static int major(Path pgDump) {
        try {
            Process version = new ProcessBuilder(pgDump.toString(), "--version").redirectErrorStream(true).start();
            String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor(10, TimeUnit.SECONDS);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.").matcher(out);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | InterruptedException e) {
            return 0;
        }
    }
}
