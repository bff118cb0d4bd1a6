package com.countyleague.account;

import javax.sql.DataSource;

import com.countyleague.FreshStarts;
import com.countyleague.IntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo county's seeders, accounts and key never run against a real county, nor a real start on the demo's database. */
@IntegrationTest
class InstallationGuardTests {

    private static final String REAL_KEY = "--league.data-key=" + FreshStarts.PRODUCTION_LIKE_KEY;
    private static final String DEMO = "--spring.profiles.active=demo";

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
    void theDemoKeyIsRefusedOutsideTheDemoProfile() {
        String url = starts.freshDatabase();
        assertThatThrownBy(() -> starts.start(url, "--league.data-key=" + InstallationGuard.DEMO_DATA_KEY))
                .hasStackTraceContaining("the demo's published key");
    }

    @Test
    void theDemoProfileRefusesARealCountysDatabaseAndSeedsNothing() {
        String url = starts.freshDatabase();
        starts.start(url, REAL_KEY).close();
        assertThat(kindOf(url)).isEqualTo("PRODUCTION");

        assertThatThrownBy(() -> starts.start(url, DEMO)).hasStackTraceContaining("refuses to start on a real county's database");
        assertThat(starts.client(url).sql("select count(*) from account").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDemoProfileRefusesADatabaseThatHoldsDataItDidNotMark() {
        String url = starts.freshDatabase();
        starts.start(url, REAL_KEY).close();
        // a database that holds a county from before installations were marked
        starts.client(url).sql("delete from installation").update();

        assertThatThrownBy(() -> starts.start(url, DEMO)).hasStackTraceContaining("already holds data");
        assertThat(starts.client(url).sql("select count(*) from account where username = 'secretary'").query(Long.class).single())
                .isZero();
    }

    @Test
    void aRealStartRefusesTheDemoCountysDatabase() {
        String url = starts.freshDatabase();
        starts.start(url, REAL_KEY).close();
        starts.client(url).sql("update installation set kind = 'DEMO'").update();

        assertThatThrownBy(() -> starts.start(url, REAL_KEY)).hasStackTraceContaining("holds the demo county");
    }

    private String kindOf(String url) {
        return starts.client(url).sql("select kind from installation").query(String.class).single();
    }
}
