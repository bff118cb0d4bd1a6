package com.countyleague.books;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Publishes the books' heads each night, and at start for the days missed while nothing ran (after any demo data is in). */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class NightlyHeads implements ApplicationRunner {

    private final Books books;

    NightlyHeads(Books books) {
        this.books = books;
    }

    @Override
    public void run(ApplicationArguments args) {
        publish();
    }

    @Scheduled(cron = "${league.books.heads:0 20 0 * * *}", zone = "${league.zone}")
    void publish() {
        books.publish();
    }
}
