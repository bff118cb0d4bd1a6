package com.countyleague.org;

import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bad input gets a message next to the field and changes nothing; the tree never gets a cycle. */
@IntegrationTest
class OrganizationFormTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    long committee;

    @BeforeEach
    void aCommittee() {
        committee = fixtures.committee("表单测试团工委");
    }

    @Test
    void aNewBranchIsCreatedUnderItsCommittee() throws Exception {
        String code = TestFixtures.uniqueCode("ok");
        mvc.perform(newBranch("新建社区团支部", code)).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/admin/orgs/*"));
        Organization created = jdbcFind(code);
        assertThat(created.getParentId()).isEqualTo(committee);
        assertThat(created.getPath()).isEqualTo(fixtures.organization(committee).getPath() + created.getId() + "/");
    }

    @Test
    void aDuplicateCodeIsAFieldErrorAndChangesNothing() throws Exception {
        String code = fixtures.organization(committee).getCode();
        long before = count();
        mvc.perform(newBranch("重复代码团支部", code.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("organizationForm", "code", "org.code.taken"))
                .andExpect(content().string(containsString("该组织代码已被使用")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aBlankNameIsAFieldErrorAndChangesNothing() throws Exception {
        long before = count();
        mvc.perform(newBranch("   ", TestFixtures.uniqueCode("blank")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("organizationForm", "name"))
                .andExpect(content().string(containsString("此项为必填项")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anOverlongNameIsAFieldErrorAndChangesNothing() throws Exception {
        long before = count();
        mvc.perform(newBranch("团".repeat(101), TestFixtures.uniqueCode("long")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("organizationForm", "name"))
                .andExpect(content().string(containsString("长度不能超过 100 个字符")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aGroupCannotBePlacedDirectlyUnderACommittee() throws Exception {
        long before = count();
        mvc.perform(post("/admin/orgs/new").param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("parentId", Long.toString(committee)).param("type", "GROUP")
                        .param("name", "错位团小组").param("code", TestFixtures.uniqueCode("g")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("organizationForm", "parentId", "org.parent.type-mismatch"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aUnitCannotMoveUnderItsDescendantAndTheTreeStaysAsItWas() throws Exception {
        long sub = fixtures.unit(committee, OrganizationType.COMMITTEE, "下级团委");
        long branch = fixtures.unit(sub, OrganizationType.BRANCH, "下级团支部");
        String branchPath = fixtures.organization(branch).getPath();

        mvc.perform(post("/admin/orgs/{id}/move", committee).param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("parentId", Long.toString(sub)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不能把组织调整到它自己或它的下级组织之下")));
        mvc.perform(post("/admin/orgs/{id}/move", committee).param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("parentId", Long.toString(committee)))
                .andExpect(status().isOk());

        assertThat(fixtures.organization(committee).getParentId()).isEqualTo(fixtures.rootId());
        assertThat(fixtures.organization(branch).getPath()).isEqualTo(branchPath);
    }

    @Test
    void movingAUnitCarriesItsWholeSubtree() throws Exception {
        long other = fixtures.committee("迁入团工委");
        long sub = fixtures.unit(committee, OrganizationType.COMMITTEE, "整体迁移团委");
        long branch = fixtures.unit(sub, OrganizationType.BRANCH, "整体迁移团支部");
        long group = fixtures.unit(branch, OrganizationType.GROUP, "整体迁移团小组");

        mvc.perform(post("/admin/orgs/{id}/move", sub).param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("parentId", Long.toString(other)))
                .andExpect(status().is3xxRedirection());

        String otherPath = fixtures.organization(other).getPath();
        assertThat(fixtures.organization(sub).getPath()).isEqualTo(otherPath + sub + "/");
        assertThat(fixtures.organization(group).getPath()).isEqualTo(otherPath + sub + "/" + branch + "/" + group + "/");
        assertThat(fixtures.organization(group).getDepth()).isEqualTo(fixtures.organization(other).getDepth() + 3);
    }

    @Test
    void aUnitWithUnitsBelowCannotBeDeleted() throws Exception {
        long branch = fixtures.unit(committee, OrganizationType.BRANCH, "有下级的团支部");
        mvc.perform(post("/admin/orgs/delete").param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("ids", Long.toString(committee)))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.organization(committee).getName()).isEqualTo("表单测试团工委");

        mvc.perform(post("/admin/orgs/delete").param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("ids", Long.toString(branch)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from organization where id = ?").param(branch).query(Long.class).single()).isZero();
    }

    @Test
    void aJointBranchKeepsItsPartnerUnits() throws Exception {
        String code = TestFixtures.uniqueCode("joint");
        mvc.perform(post("/admin/orgs/new").param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("parentId", Long.toString(committee)).param("type", "JOINT_BRANCH")
                        .param("name", "“1+4+N”联合团支部").param("code", code)
                        .param("partners[0].kind", "PARTY_BRANCH").param("partners[0].name", "小区党支部")
                        .param("partners[1].kind", "PROPERTY_MANAGEMENT").param("partners[1].name", "物业公司")
                        .param("partners[2].kind", "").param("partners[2].name", ""))
                .andExpect(status().is3xxRedirection());
        Organization joint = jdbcFind(code);
        assertThat(fixtures.organization(joint.getId()).getPartners()).extracting(PartnerUnit::getName)
                .containsExactly("小区党支部", "物业公司");
    }

    private MockHttpServletRequestBuilder newBranch(String name, String code) {
        return post("/admin/orgs/new").param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                .param("parentId", Long.toString(committee)).param("type", "BRANCH")
                .param("name", name).param("code", code);
    }

    private long count() {
        return jdbc.sql("select count(*) from organization").query(Long.class).single();
    }

    private Organization jdbcFind(String code) {
        List<Long> ids = jdbc.sql("select id from organization where code = ?").param(code.toUpperCase()).query(Long.class).list();
        assertThat(ids).hasSize(1);
        return fixtures.organization(ids.get(0));
    }
}
