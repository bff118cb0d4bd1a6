package com.countyleague;

import java.nio.file.Path;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL for trying the product ({@code ./mvnw spring-boot:test-run}): a reusable container where
 * Docker runs, otherwise an embedded server whose data stays in {@code target/dev-postgres} until
 * {@code ./mvnw clean}.
 */
@TestConfiguration(proxyBeanMethods = false)
class DevDatabaseConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(TestDatabase.DockerSelected.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer(TestDatabase.IMAGE).withReuse(true);
    }

    @Bean
    @Conditional(TestDatabase.DockerNotSelected.class)
    JdbcConnectionDetails devDatabase() {
        return TestDatabase.source() == TestDatabase.Source.EXPLICIT ? TestDatabase.explicit()
                : TestDatabase.embedded(Path.of("target", "dev-postgres", "data"), true);
    }
}
