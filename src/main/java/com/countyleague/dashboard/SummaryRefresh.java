package com.countyleague.dashboard;

import com.countyleague.account.Actors;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes the dashboard's summaries when the application has started (after any demo data is in)
 * and then every quarter of an hour.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class SummaryRefresh implements ApplicationRunner {

    private final Dashboard dashboard;
    private final Actors actors;

    SummaryRefresh(Dashboard dashboard, Actors actors) {
        this.dashboard = dashboard;
        this.actors = actors;
    }

    @Override
    public void run(ApplicationArguments args) {
        refresh();
    }

    @Scheduled(cron = "${league.dashboard.refresh:0 5/15 * * * *}", zone = "${league.zone}")
    void refresh() {
        actors.asSystem(dashboard::refresh);
    }
}
