package com.countyleague.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.countyleague.CountyLeagueApplication;
import com.countyleague.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the demo profile, the first start on an empty database creates the county admin, once. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstStartAdminTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    /** Outside the demo profile the data key must be given, as in production. */
    private static final String PRODUCTION_LIKE_KEY = "dGVzdC1vbmx5LWtleS0zMi1ieXRlcy0xMjM0NTY3ODk=";

    private final List<String> databases = new ArrayList<>();
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @AfterEach
    void dropDatabases() {
        started.forEach(ConfigurableApplicationContext::close);
        databases.forEach(name -> jdbc.sql("drop database if exists " + name + " with (force)").update());
    }

    @Test
    void theConfiguredPasswordIsUsedAndMustBeChangedAtFirstSignIn(CapturedOutput output) {
        String url = freshDatabase();
        start(url, "First@2026");
        Map<String, Object> admin = adminIn(url);
        assertThat(admin.get("role")).isEqualTo("COUNTY_ADMIN");
        assertThat(admin.get("must_change_password")).isEqualTo(true);
        assertThat(new BCryptPasswordEncoder().matches("First@2026", (String) admin.get("password_hash"))).isTrue();
        assertThat(output).doesNotContain("First@2026");

        start(url, "");
        assertThat(client(url).sql("select count(*) from account").query(Long.class).single()).isEqualTo(1);
        assertThat(output).doesNotContain("one-time password");
    }

    @Test
    void withoutAConfiguredPasswordARandomOneIsPrintedOnce(CapturedOutput output) {
        String url = freshDatabase();
        start(url, "");
        String line = output.getAll().lines().filter(l -> l.contains("one-time password")).findFirst().orElseThrow();
        String password = line.replaceAll(".*one-time password: (\\S+).*", "$1");
        assertThat(PasswordPolicy.isStrong(password)).isTrue();
        assertThat(new BCryptPasswordEncoder().matches(password, (String) adminIn(url).get("password_hash"))).isTrue();
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStart() {
        String url = freshDatabase();
        assertThatThrownBy(() -> start(url, "admin123")).hasStackTraceContaining("LEAGUE_ADMIN_PASSWORD");
    }

    private void start(String url, String adminPassword) {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        // command-line arguments, because they outrank application.properties as production settings would
        started.add(new SpringApplicationBuilder(CountyLeagueApplication.class)
                .run("--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + hikari.getUsername(),
                        "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                        "--league.admin-password=" + adminPassword,
                        "--league.data-key=" + PRODUCTION_LIKE_KEY,
                        "--server.port=0"));
    }

    private Map<String, Object> adminIn(String url) {
        return client(url).sql("select role, must_change_password, password_hash from account where username = 'admin'")
                .query().singleRow();
    }

    private JdbcClient client(String url) {
        HikariDataSource hikari = (HikariDataSource) dataSource;
        return JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(url, hikari.getUsername(),
                hikari.getPassword() == null ? "" : hikari.getPassword()));
    }

    /** An empty database beside the test database, on the same server. */
    private String freshDatabase() {
        String name = "first_start_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("create database " + name).update();
        databases.add(name);
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        return url.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }
}
