package com.countyleague.points;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.activity.Activity;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class HandbookTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EarningRules rules;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void membersReadTheRulesInForceAndTheTiersButNotARuleOfTomorrow() throws Exception {
        fixtures.as("admin", () -> rules.addRule(new EarningRules.RuleDraft(PointsRule.Source.ACTIVITY, Activity.Type.INTEREST, 777, 0,
                null, null, LocalDate.now(clock).plusDays(1))));
        String page = mvc.perform(get("/me/points/how").with(fixtures.signedIn("member")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        // the latest version of each rule that has begun, counted straight from the table
        List<Integer> inForce = jdbc.sql("""
                        select distinct on (source, activity_type) points_per_attendance from points_rule
                        where effective_from <= ? order by source, activity_type, effective_from desc""")
                .param(Date.valueOf(LocalDate.now(clock))).query(Integer.class).list();
        assertThat(inForce).isNotEmpty();
        inForce.stream().filter(p -> p > 0).forEach(p -> assertThat(page).contains("每次 " + p + " 分"));
        assertThat(page).doesNotContain("每次 777 分");
        for (String tier : jdbc.sql("select name from points_tier").query(String.class).list()) {
            assertThat(page).contains(tier);
        }
    }
}
