package com.countyleague.member;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** People of the ledgers: reach by URL, identity numbers at rest and when revealed, the rules of a record. */
@IntegrationTest
class PeopleTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    Branch branchA;
    Branch branchB;
    String secretaryA;
    long personA;
    long personB;
    String idOfB;

    @BeforeEach
    void twoBranches() {
        branchA = fixtures.branch("甲台账团支部");
        branchB = fixtures.branch("乙台账团支部");
        secretaryA = fixtures.account(Role.BRANCH_SECRETARY, branchA.id());
        personA = fixtures.person(branchA.id(), Ledger.LEAGUE_MEMBER, "甲团员", TestIds.of(LocalDate.of(2004, 3, 1), Gender.MALE), "13912340001");
        idOfB = TestIds.of(LocalDate.of(2003, 6, 1), Gender.FEMALE);
        personB = fixtures.person(branchB.id(), Ledger.YOUTH, "乙青年", idOfB, "13912340002");
    }

    @Test
    void theAuditedCorrectionOfAWrongIdentityNumberKeepsTheHistoryAndTheAuditEntry() throws Exception {
        String wrong = jdbc.sql("select id_number_masked from person where id = ?").param(personA).query(String.class).single();
        String right = TestIds.exactly(LocalDate.of(2004, 5, 6), Gender.MALE);
        mvc.perform(post("/admin/people/{id}/correct-id", personA).param("idNumber", right).param("reason", "录入时把出生日期写错")
                        .with(fixtures.signedIn(secretaryA)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/people/{id}/correct-id", personA).param("idNumber", right).param("reason", " ")
                        .with(fixtures.signedIn("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select id_number_masked from person where id = ?").param(personA).query(String.class).single())
                .isEqualTo(wrong);

        mvc.perform(post("/admin/people/{id}/correct-id", personA).param("idNumber", right).param("reason", "录入时把出生日期写错")
                        .with(fixtures.signedIn("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        Map<String, Object> corrected = jdbc.sql("select id_number_masked, birth_date from person where id = ?").param(personA)
                .query().singleRow();
        String masked = IdNumber.of(right).masked();
        assertThat(corrected.get("id_number_masked")).isEqualTo(masked);
        assertThat(corrected.get("birth_date").toString()).isEqualTo("2004-05-06");
        assertThat(jdbc.sql("select type || '|' || coalesce(detail, '') || '|' || coalesce(reason, '') from person_event"
                        + " where person_id = ? order by id").param(personA).query(String.class).list())
                .containsExactly("CREATED||", "ID_NUMBER_CORRECTED|" + wrong + " → " + masked + "|录入时把出生日期写错");
        assertThat(jdbc.sql("select operator || '|' || detail from audit_log where action = 'CORRECT_ID_NUMBER' and target = ?")
                .param("person:" + personA).query(String.class).single())
                .isEqualTo("admin|" + wrong + " → " + masked + "; 录入时把出生日期写错");
        // the person is found by the right number now, and no longer by the wrong one
        mvc.perform(get("/admin/people").param("ledger", "LEAGUE_MEMBER").param("text", right).with(fixtures.signedIn(secretaryA)))
                .andExpect(content().string(containsString("甲团员")));
    }

    @Test
    void aSecretaryCannotReachAnotherBranchsPersonByUrlAsIfTheyWereNotThere() throws Exception {
        mvc.perform(get("/admin/people/{id}", personB).with(fixtures.signedIn(secretaryA)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("乙青年"))));
        mvc.perform(get("/admin/people/{id}/edit", personB).with(fixtures.signedIn(secretaryA))).andExpect(status().isNotFound());
        mvc.perform(post("/admin/people/{id}/reveal", personB).with(fixtures.signedIn(secretaryA)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/people/{id}/edit", personB).with(fixtures.signedIn(secretaryA)).with(csrf())
                        .param("ledger", "YOUTH").param("organizationId", Long.toString(branchA.id())).param("mobile", "13999999999"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/admin/people/{id}/transfer", personB).with(fixtures.signedIn(secretaryA)).with(csrf())
                        .param("toOrgId", Long.toString(branchA.id())))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/people").param("ledger", "YOUTH").param("under", Long.toString(branchB.id()))
                        .with(fixtures.signedIn(secretaryA)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/people").param("ledger", "YOUTH").param("text", idOfB).with(fixtures.signedIn(secretaryA)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("乙青年"))));

        assertThat(jdbc.sql("select mobile from person where id = ?").param(personB).query(String.class).single()).isEqualTo("13912340002");
    }

    @Test
    void identityNumbersAreCiphertextInTheTableAndARevealIsAudited() throws Exception {
        String id = jdbc.sql("select id_number_masked from person where id = ?").param(personA).query(String.class).single();
        Map<String, Object> row = jdbc.sql("select id_number_cipher, id_number_hash, id_number_masked from person where id = ?")
                .param(personA).query().singleRow();
        String plain = revealAsAdmin(personA);
        byte[] cipher = (byte[]) row.get("id_number_cipher");
        assertThat(new String(cipher, StandardCharsets.ISO_8859_1)).doesNotContain(plain).doesNotContain(plain.substring(6, 14));
        assertThat((String) row.get("id_number_hash")).hasSize(64).doesNotContain(plain);
        assertThat(id).isEqualTo(plain.substring(0, 6) + "********" + plain.substring(14));
        assertThat(jdbc.sql("select count(*) from person where id_number_masked = ? or id_number_hash = ?")
                .params(plain, plain).query(Long.class).single()).isZero();

        long auditsBefore = audits(personA);
        mvc.perform(post("/admin/people/{id}/reveal", personA).with(fixtures.signedIn(secretaryA)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(plain)));
        assertThat(audits(personA)).isEqualTo(auditsBefore + 1);
        assertThat(jdbc.sql("select operator from audit_log where target = ? order by id desc limit 1")
                .param("person:" + personA).query(String.class).single()).isEqualTo(secretaryA);
    }

    @Test
    void anOrgAdminSeesTheMaskOnlyAndCannotReveal() throws Exception {
        String orgAdmin = fixtures.account(Role.ORG_ADMIN, branchA.committeeId());
        mvc.perform(get("/admin/people/{id}", personA).with(fixtures.signedIn(orgAdmin)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"reveal\""))));
        mvc.perform(post("/admin/people/{id}/reveal", personA).with(fixtures.signedIn(orgAdmin)).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aWrongCheckDigitIsAFieldErrorAndNothingIsSaved() throws Exception {
        String valid = TestIds.of(LocalDate.of(2001, 1, 1), Gender.MALE);
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        long before = count();
        mvc.perform(post("/admin/people/new").with(fixtures.signedIn(secretaryA)).with(csrf())
                        .param("name", "校验位错").param("idNumber", valid.substring(0, 17) + wrong)
                        .param("ledger", "YOUTH").param("organizationId", Long.toString(branchA.id())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("personForm", "idNumber", "member.id.check-digit"))
                .andExpect(content().string(containsString("身份证号校验码不正确")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void birthDateAndGenderMustAgreeWithTheIdNumberAndANumberIsRecordedOnce() throws Exception {
        String id = TestIds.exactly(LocalDate.of(2002, 2, 2), Gender.FEMALE);
        mvc.perform(post("/admin/people/new").with(fixtures.signedIn(secretaryA)).with(csrf())
                        .param("name", "不一致").param("idNumber", id).param("birthDate", "2002-02-03").param("gender", "MALE")
                        .param("ledger", "YOUTH").param("organizationId", Long.toString(branchA.id())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("personForm", "birthDate", "member.id.birth-mismatch"))
                .andExpect(model().attributeHasFieldErrorCode("personForm", "gender", "member.id.gender-mismatch"));
        mvc.perform(post("/admin/people/new").with(fixtures.signedIn(secretaryA)).with(csrf())
                        .param("name", "阿依古丽·买买提").param("idNumber", id.toLowerCase())
                        .param("ledger", "YOUTH").param("organizationId", Long.toString(branchA.id())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/people/new").with(fixtures.signedIn(secretaryA)).with(csrf())
                        .param("name", "重复登记").param("idNumber", id)
                        .param("ledger", "YOUTH").param("organizationId", Long.toString(branchA.id())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("personForm", "idNumber", "member.id.taken"));
        assertThat(jdbc.sql("select name from person where name like '阿依古丽%'").query(String.class).single()).isEqualTo("阿依古丽·买买提");
    }

    @Test
    void aSecretaryCannotRecordSomeoneIntoAnotherBranch() throws Exception {
        long before = count();
        mvc.perform(post("/admin/people/new").with(fixtures.signedIn(secretaryA)).with(csrf())
                        .param("name", "越权登记").param("idNumber", TestIds.of(LocalDate.of(2000, 5, 5), Gender.MALE))
                        .param("ledger", "YOUTH").param("organizationId", Long.toString(branchB.id())))
                .andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void anAdminCorrectsANameWithAReasonKeptInHistoryAndAuditButASecretaryMayNot() throws Exception {
        mvc.perform(post("/admin/people/{id}/correct-name", personA).with(fixtures.signedIn(secretaryA)).with(csrf())
                        .param("name", "甲团员新").param("reason", "登记错误"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/people/{id}/correct-name", personA).with(fixtures.signedIn("admin")).with(csrf())
                        .param("name", "甲团员新").param("reason", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(nameOf(personA)).isEqualTo("甲团员");
        mvc.perform(post("/admin/people/{id}/correct-name", personA).with(fixtures.signedIn("admin")).with(csrf())
                        .param("name", "甲团员新").param("reason", "户籍信息核对后更正"))
                .andExpect(status().is3xxRedirection());
        assertThat(nameOf(personA)).isEqualTo("甲团员新");
        assertThat(jdbc.sql("select reason from person_event where person_id = ? and type = 'NAME_CORRECTED'")
                .param(personA).query(String.class).single()).isEqualTo("户籍信息核对后更正");
        assertThat(jdbc.sql("select detail from audit_log where target = ? and action = 'CORRECT_NAME'")
                .param("person:" + personA).query(String.class).single()).contains("甲团员 → 甲团员新");
    }

    @Test
    void theListFindsByMobileAndByFullIdNumber() throws Exception {
        mvc.perform(get("/admin/people").param("text", "13912340001").with(fixtures.signedIn(secretaryA)))
                .andExpect(content().string(containsString("甲团员")));
        String idOfA = revealAsAdmin(personA);
        mvc.perform(get("/admin/people").param("text", idOfA.toLowerCase()).with(fixtures.signedIn(secretaryA)))
                .andExpect(content().string(containsString("甲团员")))
                .andExpect(content().string(containsString("共 1 条")));
    }

    @Test
    void aBuildingsGroupLeaderSeesItsPeopleAndNoOtherBuilding() throws Exception {
        long inBuilding = fixtures.person(branchA.id(), Ledger.YOUTH, "楼栋青年", TestIds.of(LocalDate.of(1999, 9, 9), Gender.MALE), "13912340003");
        mvc.perform(post("/admin/people/{id}/edit", inBuilding).with(fixtures.signedIn(secretaryA)).with(csrf())
                        .param("ledger", "YOUTH").param("organizationId", Long.toString(branchA.id()))
                        .param("compoundId", Long.toString(branchA.compoundId()))
                        .param("buildingId", Long.toString(branchA.firstBuildingId())).param("mobile", "13912340003")
                        .param("status", "ACTIVE"))
                .andExpect(status().is3xxRedirection());
        long group = jdbc.sql("select group_id from building where id = ?").param(branchA.firstBuildingId()).query(Long.class).single();
        String leader = fixtures.account(Role.GROUP_LEADER, group);
        mvc.perform(get("/admin/buildings/{id}/people", branchA.firstBuildingId()).with(fixtures.signedIn(leader)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("楼栋青年")))
                .andExpect(content().string(containsString("13912340003")));
        mvc.perform(get("/admin/buildings/{id}/people", branchA.secondBuildingId()).with(fixtures.signedIn(leader)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/people/{id}", inBuilding).with(fixtures.signedIn(leader))).andExpect(status().isForbidden());
    }

    private String revealAsAdmin(long personId) throws Exception {
        return mvc.perform(post("/admin/people/{id}/reveal", personId).with(fixtures.signedIn("admin")).with(csrf()))
                .andReturn().getResponse().getContentAsString().replaceAll("<[^>]+>", "").trim();
    }

    private long audits(long personId) {
        return jdbc.sql("select count(*) from audit_log where target = ? and action = 'REVEAL_ID_NUMBER'")
                .param("person:" + personId).query(Long.class).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    private String nameOf(long personId) {
        return jdbc.sql("select name from person where id = ?").param(personId).query(String.class).single();
    }
}
