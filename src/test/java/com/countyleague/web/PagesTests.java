package com.countyleague.web;

import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.account.Role;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every page renders for the demo accounts, in Chinese by default and English on request, with CSRF meta tags. */
@IntegrationTest
class PagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyAdminPageRendersForTheCountyAdmin() throws Exception {
        long branch = idOf("DC-LH-01");
        long joint = idOf("DC-LH-02");
        long group = jdbc.sql("select group_id from building limit 1").query(Long.class).single();
        List<String> pages = List.of("/admin/", "/admin/orgs", "/admin/orgs?under=" + branch, "/admin/orgs?text=DC&type=BRANCH",
                "/admin/orgs/new", "/admin/orgs/new?parentId=" + branch, "/admin/orgs/" + branch, "/admin/orgs/" + joint,
                "/admin/orgs/" + group, "/admin/orgs/" + branch + "/edit", "/admin/orgs/" + joint + "/edit",
                "/admin/orgs/" + branch + "/move", "/admin/accounts", "/admin/accounts/new",
                "/admin/accounts/" + accountId("secretary") + "/edit", "/admin/logs/logins", "/admin/logs/operations",
                "/admin/online", "/me/", "/me/password");
        for (String page : pages) {
            MvcResult result = mvc.perform(get(page).with(fixtures.signedIn("admin")))
                    .andExpect(status().isOk())
                    .andReturn();
            String html = result.getResponse().getContentAsString();
            assertThat(html).as(page).contains("<html lang=\"zh-CN\"").contains("<meta name=\"_csrf\"")
                    .contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"");
        }
    }

    @Test
    void theSecretaryAndMemberSeeTheirOwnHomes() throws Exception {
        mvc.perform(get("/").with(fixtures.signedIn("secretary"))).andExpect(header().string("Location", "/admin/"));
        mvc.perform(get("/").with(fixtures.signedIn("member"))).andExpect(header().string("Location", "/me/home"));
        mvc.perform(get("/admin/orgs/{id}", idOf("DC-LH-01")).with(fixtures.signedIn("secretary")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("翠湖花园")));
        mvc.perform(get("/me/").with(fixtures.signedIn("member")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("团员青年")));
    }

    @Test
    void aStaffAccountWithoutAPersonIsOfferedNoMemberPages() throws Exception {
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, idOf("DC-LH-01"));
        mvc.perform(get("/admin/").with(fixtures.signedIn(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/me/points\""))))
                .andExpect(content().string(not(containsString("href=\"/me/shifts\""))));
        mvc.perform(get("/me/").with(fixtures.signedIn("member")))
                .andExpect(content().string(containsString("href=\"/me/points\"")))
                .andExpect(content().string(containsString("href=\"/me/shifts\"")));
    }

    @Test
    void englishIsAvailableOnRequest() throws Exception {
        mvc.perform(get("/admin/orgs").param("lang", "en").with(fixtures.signedIn("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("Organisation tree")));
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("Sign in to County League")));
    }

    @Test
    void missingRecordsAndForbiddenPagesGetFriendlyPages() throws Exception {
        mvc.perform(get("/admin/orgs/999999999").with(fixtures.signedIn("admin")))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("您要找的页面或记录不存在")));
        mvc.perform(get("/admin/orgs/not-a-number").with(fixtures.signedIn("admin")))
                .andExpect(status().is4xxClientError());
    }

    @Test
    void theBrowserIsToldToRunOnlyTheApplicationsOwnScripts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    private long idOf(String code) {
        return jdbc.sql("select id from organization where code = ?").param(code).query(Long.class).single();
    }

    private long accountId(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }
}
