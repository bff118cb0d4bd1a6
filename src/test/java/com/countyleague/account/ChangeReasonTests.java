package com.countyleague.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.web.AdminChange;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** Every administrator's change to accounts, the tree or the configuration says why, and the log keeps it. */
@IntegrationTest
class ChangeReasonTests {

    /** Where administrators change accounts, the organisation tree and the county's configuration. */
    private static final List<String> ADMIN_CHANGES = List.of("/admin/accounts", "/admin/dictionaries", "/admin/groups/limits",
            "/admin/logs", "/admin/online", "/admin/orgs/new", "/admin/orgs/delete", "/admin/orgs/{id}/move", "/admin/points/rules",
            "/admin/points/tiers", "/admin/points/settings");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void disablingAnAccountWithoutAReasonChangesNothingAndWithOneTheLogKeepsIt() throws Exception {
        String username = fixtures.readyAccount(Role.MEMBER, fixtures.rootId());
        long id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();

        mvc.perform(post("/admin/accounts/{id}/enabled", id).param("enabled", "false").param("reason", "  ")
                        .header("Referer", "http://localhost/admin/accounts?text=" + username)
                        .with(fixtures.signedIn("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/accounts?text=" + username))
                .andExpect(flash().attribute("failure", org.hamcrest.Matchers.containsString("须写明原因")));
        assertThat(enabled(id)).isTrue();
        assertThat(lastLogOf("/admin/accounts/" + id + "/enabled")).containsEntry("result", "REJECTED");

        mvc.perform(post("/admin/accounts/{id}/enabled", id).param("enabled", "false").param("reason", "本人已调离本县")
                .with(fixtures.signedIn("admin")).with(csrf()));
        assertThat(enabled(id)).isFalse();
        Map<String, Object> log = lastLogOf("/admin/accounts/" + id + "/enabled");
        assertThat(log).containsEntry("result", "SUCCESS").containsEntry("operator", "admin");
        assertThat((String) log.get("parameters")).contains("reason=本人已调离本县");
    }

    @Test
    void aReasonFromAnotherSiteSendsBackHomeAndAnOverLongOneIsRefused() throws Exception {
        String username = fixtures.readyAccount(Role.MEMBER, fixtures.rootId());
        long id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        mvc.perform(post("/admin/accounts/{id}/enabled", id).param("enabled", "false").param("reason", "长".repeat(201))
                        .header("Referer", "https://elsewhere.example/admin/accounts").with(fixtures.signedIn("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/"));
        assertThat(enabled(id)).isTrue();
    }

    @Test
    void everyWriteWhereAdministratorsChangeAccountsTheTreeOrTheConfigurationAsksWhy() {
        List<String> without = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            boolean write = entry.getKey().getMethodsCondition().getMethods().stream().anyMatch(m -> !m.name().equals("GET"));
            for (String pattern : entry.getKey().getPatternValues()) {
                if (write && ADMIN_CHANGES.stream().anyMatch(pattern::startsWith)
                        && !entry.getValue().hasMethodAnnotation(AdminChange.class)) {
                    without.add(pattern);
                }
            }
        }
        assertThat(without).isEmpty();
    }

    private boolean enabled(long id) {
        return jdbc.sql("select enabled from account where id = ?").param(id).query(Boolean.class).single();
    }

    private Map<String, Object> lastLogOf(String url) {
        return jdbc.sql("select operator, result, parameters from operation_log where url = ? order by id desc limit 1").param(url)
                .query().singleRow();
    }
}
