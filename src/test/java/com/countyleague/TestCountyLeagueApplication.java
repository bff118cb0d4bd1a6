package com.countyleague;

import org.springframework.boot.SpringApplication;

/** Runs County League with the demo county on a local PostgreSQL: {@code ./mvnw spring-boot:test-run}. */
public class TestCountyLeagueApplication {

    public static void main(String[] args) {
        SpringApplication.from(CountyLeagueApplication::main)
                .with(DevDatabaseConfiguration.class)
                .withAdditionalProfiles("demo")
                .run(args);
    }
}
