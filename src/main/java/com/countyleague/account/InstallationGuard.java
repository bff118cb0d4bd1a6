package com.countyleague.account;

import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the demo county and a real one apart, before anything is seeded or served: the demo profile
 * starts only on an empty database or the demo's own, a real start never on the demo's (its accounts
 * have a published password), and the demo's data key is refused outside the demo profile.
 */
@Component
class InstallationGuard implements InitializingBean {

    static final String DEMO_PROFILE = "demo";
    /** The key application-demo.properties gives: published with the source, so it protects nothing. */
    static final String DEMO_DATA_KEY = "ZGVtby1vbmx5LWtleS1jb3VudHktbGVhZ3VlLTIwMjY=";

    private final JdbcClient jdbc;
    private final Environment environment;
    private final String dataKey;

    InstallationGuard(JdbcClient jdbc, Environment environment, @Value("${league.data-key:}") String dataKey) {
        this.jdbc = jdbc;
        this.environment = environment;
        this.dataKey = dataKey.trim();
    }

    @Override
    public void afterPropertiesSet() {
        boolean demo = environment.matchesProfiles(DEMO_PROFILE);
        if (!demo && DEMO_DATA_KEY.equals(dataKey)) {
            throw new IllegalStateException("LEAGUE_DATA_KEY is the demo's published key: give this county a key of its own "
                    + "(openssl rand -base64 32)");
        }
        Optional<String> kind = jdbc.sql("select kind from installation").query(String.class).optional();
        if (kind.isEmpty()) {
            boolean holdsData = jdbc.sql("select exists (select 1 from organization) or exists (select 1 from account)")
                    .query(Boolean.class).single();
            if (demo && holdsData) {
                throw new IllegalStateException("The demo profile refuses to start on a database that already holds data: "
                        + "start it on an empty database");
            }
            jdbc.sql("insert into installation (kind, marked_at) values (?, now()) on conflict do nothing")
                    .param(demo ? "DEMO" : "PRODUCTION").update();
            return;
        }
        if (demo && kind.get().equals("PRODUCTION")) {
            throw new IllegalStateException("The demo profile refuses to start on a real county's database");
        }
        if (!demo && kind.get().equals("DEMO")) {
            throw new IllegalStateException("This database holds the demo county, whose accounts have a published password: "
                    + "start with the demo profile, or on a database of your own");
        }
    }
}
