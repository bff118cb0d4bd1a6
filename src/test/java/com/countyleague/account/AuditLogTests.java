package com.countyleague.account;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The operation log keeps every write with secrets masked; the logs cannot be rewritten; admins see who is online. */
@IntegrationTest
class AuditLogTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyWriteIsLoggedWithItsSecretsMasked() throws Exception {
        String username = fixtures.account(Role.MEMBER, fixtures.rootId());
        long id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        mvc.perform(post("/admin/accounts/{id}/password", id).param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf())
                        .param("password", "Secret@2026"))
                .andExpect(status().is3xxRedirection());

        var row = jdbc.sql("select operator, action, parameters, result, url from operation_log where url = ? order by id desc limit 1")
                .param("/admin/accounts/" + id + "/password").query().singleRow();
        assertThat(row.get("operator")).isEqualTo("admin");
        assertThat(row.get("action")).isEqualTo("AccountAdminController.resetPassword");
        assertThat(row.get("result")).isEqualTo("SUCCESS");
        assertThat((String) row.get("parameters")).contains("password=******").doesNotContain("Secret@2026");
    }

    @Test
    void aRefusedWriteIsLoggedAsAFailure() throws Exception {
        String secretary = fixtures.account(Role.BRANCH_SECRETARY, fixtures.rootId());
        mvc.perform(post("/admin/orgs/delete").param("reason", "测试原因").with(fixtures.signedIn(secretary)).with(csrf()).param("ids", "1"))
                .andExpect(status().isForbidden());
        var row = jdbc.sql("select result, status from operation_log where operator = ? order by id desc limit 1")
                .param(secretary).query().singleRow();
        assertThat(row.get("result")).isEqualTo("FAILURE");
        assertThat(row.get("status")).isEqualTo(403);
    }

    @Test
    void theDatabaseRefusesToRewriteOrDeleteTheLogs() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "nobody").param("password", "x"));
        // a write through a handler, so that the operation log has a row to refuse changing whatever ran before
        mvc.perform(post("/admin/dashboard/refresh").with(csrf()).with(fixtures.signedIn("admin")));
        assertThatThrownBy(() -> jdbc.sql("update login_log set result = 'SUCCESS'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from login_log").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from operation_log").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate operation_log").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void theCountyAdminSeesWhoIsOnlineAndCanSignThemOut() throws Exception {
        String username = fixtures.account(Role.MEMBER, fixtures.rootId());
        Cookie session = mvc.perform(post("/login").with(csrf()).param("username", username).param("password", TestFixtures.PASSWORD)
                        .header("User-Agent", "PhoneBrowser/1.0"))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/me/password").cookie(session)).andExpect(status().isOk());

        String reference = jdbc.sql("select primary_id from spring_session where principal_name = ?")
                .param(username).query(String.class).single();
        mvc.perform(get("/admin/online").param("size", "100").with(fixtures.signedIn("admin")))
                .andExpect(content().string(containsString(username)))
                .andExpect(content().string(containsString("PhoneBrowser/1.0")));

        mvc.perform(post("/admin/online/{ref}/logout", reference).param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/me/password").cookie(session)).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.sql("select result from login_log where username = ? order by id desc limit 1")
                .param(username).query(String.class).single()).isEqualTo("FORCED_LOGOUT");
    }

    @Test
    void onlyTheCountyAdminReadsTheLogs() throws Exception {
        long committee = fixtures.committee("日志团工委");
        String orgAdmin = fixtures.account(Role.ORG_ADMIN, committee);
        for (String page : new String[] {"/admin/logs/logins", "/admin/logs/operations", "/admin/online"}) {
            mvc.perform(get(page).with(fixtures.signedIn(orgAdmin))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(fixtures.signedIn("admin"))).andExpect(status().isOk());
        }
    }

    @Test
    void theCountyAdminExportsTheAuditLogAndTheExportIsLoggedToo() throws Exception {
        String marker = TestFixtures.uniqueCode("审计");
        jdbc.sql("insert into audit_log (at, operator, organization_id, action, target, detail, ip) values (now(), 'tester', null, ?, 'x', 'y', null)")
                .param(marker).update();
        String orgAdmin = fixtures.readyAccount(Role.ORG_ADMIN, fixtures.branch("审计导出支部").committeeId());
        mvc.perform(get("/admin/logs/audit/export").with(fixtures.signedIn(orgAdmin))).andExpect(status().isForbidden());
        byte[] xlsx = mvc.perform(get("/admin/logs/audit/export").param("action", marker).with(fixtures.signedIn("admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.DataFormatter cells = new org.apache.poi.ss.usermodel.DataFormatter();
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            java.util.List<String> header = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(cells.formatCellValue(c)));
            org.assertj.core.api.Assertions.assertThat(header).containsExactlyElementsOf(AuditTrail.EXPORT_HEADER);
            org.assertj.core.api.Assertions.assertThat(sheet.getLastRowNum()).isEqualTo(1);
            org.assertj.core.api.Assertions.assertThat(cells.formatCellValue(sheet.getRow(1).getCell(3))).isEqualTo(marker);
        }
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from audit_log where action = 'EXPORT_AUDIT_LOG' and operator = 'admin'")
                .query(Long.class).single()).isPositive();
    }
}
