package com.countyleague.points;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.countyleague.account.Actors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** What the bank does by itself each night: expire overdue reservations and points, and check its books. */
@Component
class NightlyWork {

    private static final Logger log = LoggerFactory.getLogger(NightlyWork.class);

    private final Rewards rewards;
    private final PointsBank bank;
    private final Actors actors;
    private final Clock clock;

    NightlyWork(Rewards rewards, PointsBank bank, Actors actors, Clock clock) {
        this.rewards = rewards;
        this.bank = bank;
        this.actors = actors;
        this.clock = clock;
    }

    @Scheduled(cron = "${league.points.nightly:0 30 2 * * *}", zone = "${league.zone}")
    void run() {
        actors.asSystem(() -> {
            int expired = rewards.expireReservations();
            int accounts = bank.expire(LocalDate.now(clock));
            List<PointsBank.Mismatch> mismatches = bank.mismatches();
            if (mismatches.isEmpty()) {
                log.info("Points bank: {} reservations expired, points expired on {} accounts, books agree", expired, accounts);
            } else {
                log.error("Points bank: {} accounts disagree with their entries, first {}", mismatches.size(), mismatches.get(0));
            }
        });
    }
}
