package com.countyleague;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** County League. Consequences between modules run after commit on their own threads; nightly work runs on a schedule. */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class CountyLeagueApplication {

    public static void main(String[] args) {
        SpringApplication.run(CountyLeagueApplication.class, args);
    }
}
