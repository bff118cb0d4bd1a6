package com.countyleague;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Starts the application as production would, on empty databases beside the test database on the
 * same server; {@link #close()} stops them and drops the databases.
 */
public final class FreshStarts implements AutoCloseable {

    /** Outside the demo profile the data key must be given, as in production. */
    public static final String PRODUCTION_LIKE_KEY = "dGVzdC1vbmx5LWtleS0zMi1ieXRlcy0xMjM0NTY3ODk=";

    private final HikariDataSource server;
    private final JdbcClient jdbc;
    private final List<String> databases = new ArrayList<>();
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    public FreshStarts(DataSource testDatabase) {
        this.server = (HikariDataSource) testDatabase;
        this.jdbc = JdbcClient.create(testDatabase);
    }

    /** An empty database beside the test database, on the same server. */
    public String freshDatabase() {
        String name = "fresh_start_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("create database " + name).update();
        databases.add(name);
        return server.getJdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    /**
     * The application on that database; settings as command-line arguments, because they outrank
     * application.properties as production settings would.
     */
    public ConfigurableApplicationContext start(String url, String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
                "--spring.datasource.username=" + server.getUsername(),
                "--spring.datasource.password=" + (server.getPassword() == null ? "" : server.getPassword()),
                "--server.port=0"));
        arguments.addAll(List.of(settings));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CountyLeagueApplication.class)
                .run(arguments.toArray(String[]::new));
        started.add(context);
        return context;
    }

    public JdbcClient client(String url) {
        return JdbcClient.create(new DriverManagerDataSource(url, server.getUsername(),
                server.getPassword() == null ? "" : server.getPassword()));
    }

    @Override
    public void close() {
        started.forEach(ConfigurableApplicationContext::close);
        databases.forEach(name -> jdbc.sql("drop database if exists " + name + " with (force)").update());
    }
}
