package com.countyleague;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A database of its own on the tests' PostgreSQL server, for a test that must own every row (or break
 * them): created empty and migrated, or copied from another; dropped on close.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final HikariDataSource server;
    private final String name;

    private ScratchDatabase(HikariDataSource server, String name) {
        this.server = server;
        this.name = name;
    }

    /** An empty database with the application's schema. */
    public static ScratchDatabase migrated(DataSource application, String name) {
        ScratchDatabase db = create(application, name, "");
        Flyway.configure().dataSource(db.url(), db.user(), db.password()).locations("classpath:db/migration").load().migrate();
        return db;
    }

    /** An empty database. */
    public static ScratchDatabase empty(DataSource application, String name) {
        return create(application, name, "");
    }

    /** A copy of another scratch database (which nobody may be connected to meanwhile). */
    public static ScratchDatabase copyOf(ScratchDatabase template, String name) {
        return create(template.server, name, " template " + template.name);
    }

    private static ScratchDatabase create(DataSource application, String name, String template) {
        HikariDataSource server = (HikariDataSource) application;
        new JdbcTemplate(server).execute("drop database if exists " + name + " with (force)");
        new JdbcTemplate(server).execute("create database " + name + template);
        return new ScratchDatabase(server, name);
    }

    public String name() {
        return name;
    }

    public String url() {
        String url = server.getJdbcUrl();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
    }

    public String user() {
        return server.getUsername();
    }

    public String password() {
        return server.getPassword() == null ? "" : server.getPassword();
    }

    /** Statements, each on a connection of its own, committed at once. */
    public JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url(), user(), password()));
    }

    /** Work in one transaction on one connection (cursors need it), committed at the end. */
    public <T> T inTransaction(Function<JdbcTemplate, T> work) {
        try (Connection connection = DriverManager.getConnection(url(), user(), password())) {
            connection.setAutoCommit(false);
            JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            db.setFetchSize(1_000);
            T result = work.apply(db);
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        new JdbcTemplate(server).execute("drop database if exists " + name + " with (force)");
    }
}
