package com.countyleague.account;

import java.util.Map;

import javax.sql.DataSource;

import com.countyleague.FreshStarts;
import com.countyleague.IntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside the demo profile, the first start on an empty database creates the county admin, once. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class FirstStartAdminTests {

    @Autowired
    DataSource dataSource;

    FreshStarts starts;

    @BeforeEach
    void starts() {
        starts = new FreshStarts(dataSource);
    }

    @AfterEach
    void dropDatabases() {
        starts.close();
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
        assertThat(starts.client(url).sql("select count(*) from account").query(Long.class).single()).isEqualTo(1);
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
        starts.start(url, "--league.admin-password=" + adminPassword, "--league.data-key=" + FreshStarts.PRODUCTION_LIKE_KEY);
    }

    private Map<String, Object> adminIn(String url) {
        return starts.client(url).sql("select role, must_change_password, password_hash from account where username = 'admin'")
                .query().singleRow();
    }

    private String freshDatabase() {
        return starts.freshDatabase();
    }
}
