package com.countyleague;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;

/**
 * Where tests and the local try-out find PostgreSQL, in this order: an explicit {@code TEST_DB_URL}
 * (with {@code TEST_DB_USER}, {@code TEST_DB_PASSWORD}), Testcontainers where Docker runs, otherwise
 * an embedded PostgreSQL started from Maven-provided binaries. Never H2, never skipped.
 */
final class TestDatabase {

    enum Source { EXPLICIT, DOCKER, EMBEDDED }

    static final String IMAGE = "postgres:17-alpine";

    private static Source source;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    static synchronized Source source() {
        if (source == null) {
            source = env("TEST_DB_URL") != null ? Source.EXPLICIT : dockerRuns() ? Source.DOCKER : Source.EMBEDDED;
        }
        return source;
    }

    static JdbcConnectionDetails explicit() {
        return details(env("TEST_DB_URL"), orDefault(env("TEST_DB_USER"), "postgres"), orDefault(env("TEST_DB_PASSWORD"), ""));
    }

    /**
     * One embedded server per JVM. With {@code keep}, its data directory survives restarts (the
     * try-out keeps its demo county until {@code ./mvnw clean}); otherwise every run starts empty.
     */
    static synchronized JdbcConnectionDetails embedded(Path dataDirectory, boolean keep) {
        if (embedded == null) {
            try {
                Files.createDirectories(dataDirectory.getParent());
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(!keep)
                        .setRegisterShutdownHook(false)
                        .start();
                // stop only after every application context has closed: a JVM hook would race them
                // and leave their last queries waiting for a server that is gone
                SpringApplication.getShutdownHandlers().add(TestDatabase::stopEmbedded);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
            }
        }
        return details(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    private static void stopEmbedded() {
        try {
            embedded.close();
        } catch (IOException e) {
            // the JVM is going away; nothing more to do
        }
    }

    private static boolean dockerRuns() {
        boolean hinted = env("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        try {
            return hinted && DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static JdbcConnectionDetails details(String url, String user, String password) {
        return new JdbcConnectionDetails() {
            @Override
            public String getJdbcUrl() {
                return url;
            }

            @Override
            public String getUsername() {
                return user;
            }

            @Override
            public String getPassword() {
                return password;
            }
        };
    }

    private static String env(String name) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? null : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    static class DockerSelected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return source() == Source.DOCKER;
        }
    }

    static class DockerNotSelected implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return source() != Source.DOCKER;
        }
    }
}
