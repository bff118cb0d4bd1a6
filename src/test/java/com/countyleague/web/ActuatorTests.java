package com.countyleague.web;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Health is public and reports the database; every other actuator endpoint is for the county admin. */
@IntegrationTest
class ActuatorTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Test
    void healthIsPublicAndReportsTheDatabase() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components.db.status").value("UP"));
    }

    @Test
    void otherEndpointsNeedTheCountyAdmin() throws Exception {
        mvc.perform(get("/actuator/metrics")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/actuator/metrics").with(fixtures.signedIn("secretary"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/flyway").with(fixtures.signedIn("member"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/metrics").with(fixtures.signedIn("admin"))).andExpect(status().isOk());
    }
}
