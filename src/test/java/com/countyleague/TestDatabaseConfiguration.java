package com.countyleague;

import java.nio.file.Path;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL for the test suite: a fresh database on every run. */
@TestConfiguration(proxyBeanMethods = false)
class TestDatabaseConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(TestDatabase.DockerSelected.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer(TestDatabase.IMAGE);
    }

    @Bean
    @Conditional(TestDatabase.DockerNotSelected.class)
    JdbcConnectionDetails testDatabase() {
        return TestDatabase.source() == TestDatabase.Source.EXPLICIT ? TestDatabase.explicit()
                : TestDatabase.embedded(Path.of("target", "test-postgres", "data"), false);
    }
}
