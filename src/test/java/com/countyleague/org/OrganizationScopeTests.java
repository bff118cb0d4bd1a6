package com.countyleague.org;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.account.Role;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** An org admin or secretary reaches their own subtree only, whatever URL they type. */
@IntegrationTest
class OrganizationScopeTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    long committeeA;
    long committeeB;
    long branchA;
    long branchB;
    String orgAdminOfA;
    String secretaryOfA;

    @BeforeEach
    void twoSubtrees() {
        committeeA = fixtures.committee("甲街道团工委");
        committeeB = fixtures.committee("乙街道团工委");
        branchA = fixtures.unit(committeeA, OrganizationType.BRANCH, "甲社区团支部");
        branchB = fixtures.unit(committeeB, OrganizationType.BRANCH, "乙社区团支部");
        orgAdminOfA = fixtures.account(Role.ORG_ADMIN, committeeA);
        secretaryOfA = fixtures.account(Role.BRANCH_SECRETARY, branchA);
    }

    @Test
    void anOrgAdminReadsTheirOwnSubtree() throws Exception {
        mvc.perform(get("/admin/orgs/{id}", branchA).with(fixtures.signedIn(orgAdminOfA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("甲社区团支部")));
    }

    @Test
    void anOrgAdminCannotReadAnotherSubtreeByUrl() throws Exception {
        mvc.perform(get("/admin/orgs/{id}", branchB).with(fixtures.signedIn(orgAdminOfA)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(not(containsString("乙社区团支部"))));
        mvc.perform(get("/admin/orgs/{id}/edit", branchB).with(fixtures.signedIn(orgAdminOfA)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/orgs").param("under", Long.toString(committeeB)).with(fixtures.signedIn(orgAdminOfA)))
                .andExpect(status().isForbidden());
    }

    @Test
    void anOrgAdminsListsAndTreeShowOnlyTheirSubtree() throws Exception {
        mvc.perform(get("/admin/orgs").param("size", "100").with(fixtures.signedIn(orgAdminOfA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("甲社区团支部")))
                .andExpect(content().string(not(containsString("乙社区团支部"))))
                .andExpect(content().string(not(containsString("共青团示范县委员会"))));
    }

    @Test
    void anOrgAdminCannotChangeAnotherSubtreeByUrl() throws Exception {
        mvc.perform(post("/admin/orgs/{id}/edit", branchB).with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("type", "BRANCH").param("name", "被篡改").param("code", TestFixtures.uniqueCode("X")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/orgs/{id}/move", branchB).param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("parentId", Long.toString(committeeA)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/orgs/delete").param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("ids", Long.toString(branchB)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/orgs/new").param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("parentId", Long.toString(committeeB)).param("type", "BRANCH")
                        .param("name", "越权新建").param("code", TestFixtures.uniqueCode("X")))
                .andExpect(status().isForbidden());

        Organization unchanged = fixtures.organization(branchB);
        assertThat(unchanged.getName()).isEqualTo("乙社区团支部");
        assertThat(unchanged.getParentId()).isEqualTo(committeeB);
    }

    @Test
    void anOrgAdminCannotMoveTheirOwnSubtreeOutOfTheirReach() throws Exception {
        mvc.perform(post("/admin/orgs/{id}/move", branchA).param("reason", "测试原因").with(fixtures.signedIn(orgAdminOfA)).with(csrf())
                        .param("parentId", Long.toString(committeeB)))
                .andExpect(status().isForbidden());
        assertThat(fixtures.organization(branchA).getParentId()).isEqualTo(committeeA);
    }

    @Test
    void aSecretaryReadsTheirBranchButNotTheCommitteeAboveOrAnotherBranch() throws Exception {
        mvc.perform(get("/admin/orgs/{id}", branchA).with(fixtures.signedIn(secretaryOfA))).andExpect(status().isOk());
        mvc.perform(get("/admin/orgs/{id}", committeeA).with(fixtures.signedIn(secretaryOfA))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/orgs/{id}", branchB).with(fixtures.signedIn(secretaryOfA))).andExpect(status().isForbidden());
    }

    @Test
    void aSecretaryMayKeepTheirBranchsDetailsButNotShapeTheTree() throws Exception {
        Organization branch = fixtures.organization(branchA);
        mvc.perform(post("/admin/orgs/{id}/edit", branchA).with(fixtures.signedIn(secretaryOfA)).with(csrf())
                        .param("type", "BRANCH").param("name", "甲社区团支部").param("code", branch.getCode())
                        .param("secretary", "新书记"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.organization(branchA).getSecretary()).isEqualTo("新书记");

        mvc.perform(post("/admin/orgs/new").param("reason", "测试原因").with(fixtures.signedIn(secretaryOfA)).with(csrf())
                        .param("parentId", Long.toString(branchA)).param("type", "GROUP")
                        .param("name", "越权团小组").param("code", TestFixtures.uniqueCode("X")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/orgs/{id}/edit", branchA).with(fixtures.signedIn(secretaryOfA)).with(csrf())
                        .param("type", "JOINT_BRANCH").param("name", "甲社区团支部").param("code", branch.getCode()))
                .andExpect(status().isForbidden());
    }

    @Test
    void membersAndGroupLeadersAreRefusedTheOrganisationPages() throws Exception {
        String member = fixtures.account(Role.MEMBER, branchA);
        String leader = fixtures.account(Role.GROUP_LEADER, branchA);
        mvc.perform(get("/admin/orgs").with(fixtures.signedIn(member))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/orgs/{id}", branchA).with(fixtures.signedIn(leader))).andExpect(status().isForbidden());
    }
}
