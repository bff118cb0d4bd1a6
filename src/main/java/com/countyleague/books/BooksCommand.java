package com.countyleague.books;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code java -jar county-league.jar verify-books [--heads=book-heads.csv] [--lang=en] [--zone=…]}: the
 * verification from the command line, on the database production uses ({@code DATABASE_URL},
 * {@code DATABASE_USERNAME}, {@code DATABASE_PASSWORD}), read-only, without starting the application.
 * With {@code --heads}, the heads a county kept outside (the download of /transparency) are compared
 * too. Exit status 0 when intact, 1 when something was found, 2 when it could not run.
 */
public final class BooksCommand {

    private BooksCommand() {
    }

    public static int run(String[] args, List<ChainedBook> books) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            options.put(arg.substring(2, eq < 0 ? arg.length() : eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        Locale locale = "en".equals(options.get("lang")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        String url = options.getOrDefault("url", System.getenv("DATABASE_URL"));
        if (url == null || url.isBlank()) {
            System.err.println("DATABASE_URL (or --url=jdbc:postgresql://host:5432/db) is required");
            return 2;
        }
        try (Connection connection = DriverManager.getConnection(url, options.getOrDefault("user", env("DATABASE_USERNAME")),
                options.getOrDefault("password", env("DATABASE_PASSWORD")))) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            db.setFetchSize(5_000);
            List<PublishedHead> outside = options.containsKey("heads") ? read(Path.of(options.get("heads"))) : List.of();
            // the county's zone decides where its days begin, as in the application (LEAGUE_ZONE)
            ZoneId zone = ZoneId.of(options.getOrDefault("zone", System.getenv().getOrDefault("LEAGUE_ZONE", "Asia/Shanghai")));
            BookAudit.Verification result = new BookAudit(db, books, zone).verify(outside, Instant.now());
            connection.rollback();
            for (BookAudit.BookResult b : result.books()) {
                System.out.println(messages.getMessage("books.verify.book", new Object[] {
                        messages.getMessage("books.book." + b.book(), null, locale), b.entries(), b.persons(), b.heads()}, locale));
            }
            for (BookAudit.Finding f : result.findings()) {
                System.out.println(messages.getMessage("books.book." + f.book(), null, locale) + ": "
                        + messages.getMessage("books.finding." + f.kind(), f.args(), locale));
            }
            System.out.println(messages.getMessage(result.intact() ? "books.verify.intact" : "books.verify.broken",
                    new Object[] {result.findings().size()}, locale) + " " + messages.getMessage("books.verify.took",
                    new Object[] {result.took().toMillis()}, locale));
            return result.intact() ? 0 : 1;
        } catch (SQLException | IOException | RuntimeException e) {
            System.err.println("verify-books: " + e.getMessage());
            return 2;
        }
    }

    /** The CSV of /transparency.csv: book,day,entries,head. */
    static List<PublishedHead> read(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split(","))
                .map(f -> new PublishedHead(f[0].trim(), LocalDate.parse(f[1].trim()), Long.parseLong(f[2].trim()), f[3].trim()))
                .toList();
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null ? "" : value;
    }
}
