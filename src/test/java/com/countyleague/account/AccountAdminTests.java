package com.countyleague.account;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.org.OrganizationType;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Org admins manage accounts within their subtree only, and never create a county admin. */
@IntegrationTest
class AccountAdminTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    long committeeA;
    long committeeB;
    String orgAdminOfA;

    @BeforeEach
    void twoSubtrees() {
        committeeA = fixtures.committee("账号甲团工委");
        committeeB = fixtures.committee("账号乙团工委");
        orgAdminOfA = fixtures.account(Role.ORG_ADMIN, committeeA);
    }

    @Test
    void anOrgAdminCreatesASecretaryInTheirSubtree() throws Exception {
        long branch = fixtures.unit(committeeA, OrganizationType.BRANCH, "账号甲社区团支部");
        String username = TestFixtures.uniqueCode("sec").toLowerCase();
        mvc.perform(post("/admin/accounts/new").param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("username", username).param("displayName", "甲书记").param("role", "BRANCH_SECRETARY")
                        .param("organizationId", Long.toString(branch)).param("password", "Init@2026"))
                .andExpect(status().is3xxRedirection());
        assertThat(mustChange(username)).isTrue();
    }

    @Test
    void anOrgAdminCannotBindAnAccountOutsideTheirSubtree() throws Exception {
        String username = TestFixtures.uniqueCode("out").toLowerCase();
        mvc.perform(post("/admin/accounts/new").param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("username", username).param("displayName", "越权").param("role", "BRANCH_SECRETARY")
                        .param("organizationId", Long.toString(committeeB)).param("password", "Init@2026"))
                .andExpect(status().isForbidden());
        assertThat(exists(username)).isFalse();
    }

    @Test
    void anOrgAdminCannotCreateACountyAdmin() throws Exception {
        String username = TestFixtures.uniqueCode("boss").toLowerCase();
        mvc.perform(post("/admin/accounts/new").param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("username", username).param("displayName", "越权").param("role", "COUNTY_ADMIN")
                        .param("organizationId", Long.toString(committeeA)).param("password", "Init@2026"))
                .andExpect(status().isForbidden());
        assertThat(exists(username)).isFalse();
    }

    @Test
    void anOrgAdminNeitherSeesNorChangesAnotherSubtreesAccounts() throws Exception {
        String other = fixtures.account(Role.BRANCH_SECRETARY, committeeB);
        long otherId = idOf(other);
        mvc.perform(get("/admin/accounts").param("size", "100").with(fixtures.signedIn(orgAdminOfA)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(other))));
        mvc.perform(get("/admin/accounts/{id}/edit", otherId).with(fixtures.signedIn(orgAdminOfA)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/{id}/password", otherId).param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("password", "Taken@2026"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/{id}/enabled", otherId).param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select enabled from account where id = ?").param(otherId).query(Boolean.class).single()).isTrue();
    }

    @Test
    void anOrgAdminManagesOnlyAccountsBelowTheirOwnLevelNeverAPeerAdminOrThemselves() throws Exception {
        String peer = fixtures.account(Role.ORG_ADMIN, committeeA);
        long peerId = idOf(peer);
        String peerHash = passwordHashOf(peer);
        mvc.perform(post("/admin/accounts/{id}/password", peerId).param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("password", "Taken@2026"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/{id}/enabled", peerId).param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("enabled", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/accounts/{id}/password", idOf(orgAdminOfA)).param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("password", "Taken@2026"))
                .andExpect(status().isForbidden());
        assertThat(passwordHashOf(peer)).isEqualTo(peerHash);
        // another admin of the same unit cannot be made either
        String second = TestFixtures.uniqueCode("peer").toLowerCase();
        mvc.perform(post("/admin/accounts/new").param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("username", second).param("displayName", "同级").param("role", "ORG_ADMIN")
                        .param("organizationId", Long.toString(committeeA)).param("password", "Init@2026"))
                .andExpect(status().isForbidden());
        assertThat(exists(second)).isFalse();

        // an admin of a unit below is theirs to manage
        long branch = fixtures.unit(committeeA, OrganizationType.BRANCH, "账号甲下级团支部");
        String below = fixtures.account(Role.ORG_ADMIN, branch);
        String belowHash = passwordHashOf(below);
        mvc.perform(post("/admin/accounts/{id}/password", idOf(below)).param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("password", "Reset@2026x"))
                .andExpect(status().is3xxRedirection());
        assertThat(passwordHashOf(below)).isNotEqualTo(belowHash);
    }

    @Test
    void changingAPasswordEndsTheAccountsOtherSessions() throws Exception {
        String username = fixtures.readyAccount(Role.MEMBER, committeeA);
        Cookie phone = signIn(username, TestFixtures.PASSWORD);
        Cookie desktop = signIn(username, TestFixtures.PASSWORD);
        mvc.perform(get("/me/").cookie(phone)).andExpect(status().isOk());

        mvc.perform(post("/me/password").cookie(desktop).with(csrf()).param("currentPassword", TestFixtures.PASSWORD)
                        .param("newPassword", "Moved@2026x").param("confirmPassword", "Moved@2026x"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/me/").cookie(desktop)).andExpect(status().isOk());
        mvc.perform(get("/me/").cookie(phone)).andExpect(redirectedUrl("/login"));

        // a reset by an admin ends them all
        mvc.perform(post("/admin/accounts/{id}/password", idOf(username)).param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("password", "Reset@2026x"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/me/").cookie(desktop)).andExpect(redirectedUrl("/login"));
    }

    private Cookie signIn(String username, String password) throws Exception {
        return mvc.perform(post("/login").with(csrf()).param("username", username).param("password", password))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getCookie("SESSION");
    }

    private String passwordHashOf(String username) {
        return jdbc.sql("select password_hash from account where username = ?").param(username).query(String.class).single();
    }

    @Test
    void secretariesCannotManageAccounts() throws Exception {
        String secretary = fixtures.account(Role.BRANCH_SECRETARY, committeeA);
        mvc.perform(get("/admin/accounts").with(fixtures.signedIn(secretary))).andExpect(status().isForbidden());
    }

    @Test
    void aWeakPasswordOrATakenUsernameIsAFieldErrorAndCreatesNothing() throws Exception {
        String weak = TestFixtures.uniqueCode("weak").toLowerCase();
        mvc.perform(post("/admin/accounts/new").param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("username", weak).param("displayName", "弱密码").param("role", "MEMBER")
                        .param("organizationId", Long.toString(committeeA)).param("password", "password"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("accountForm", "password"));
        assertThat(exists(weak)).isFalse();

        mvc.perform(post("/admin/accounts/new").param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("username", "SECRETARY").param("displayName", "重名").param("role", "MEMBER")
                        .param("organizationId", Long.toString(committeeA)).param("password", "Init@2026"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("accountForm", "username", "account.username.taken"));
    }

    private boolean exists(String username) {
        return jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class).single() > 0;
    }

    private boolean mustChange(String username) {
        return jdbc.sql("select must_change_password from account where username = ?").param(username).query(Boolean.class).single();
    }

    private long idOf(String username) {
        return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
    }
}
