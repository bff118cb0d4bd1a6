package com.countyleague;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Tests move time (lockouts, windows, expiry) through this clock instead of waiting. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock testClock(@Value("${league.zone}") ZoneId zone) {
        return new MutableClock(zone);
    }
}
