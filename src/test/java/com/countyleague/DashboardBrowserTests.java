package com.countyleague;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.activity.CheckIns;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The county admin drills from the dashboard to an idle branch; a member checks in from their home; no page is wider than a phone. */
@BrowserTest
class DashboardBrowserTests {

    private static final String DEMO_PASSWORD = "Demo@2026";

    static Browser browser;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Clock clock;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void theCountyAdminFollowsBranchesIdleForSixtyDaysToTheListAndOpensOne() {
        Branch quiet = fixtures.branch("看板浏览沉寂团支部");
        browser.desktopSized();
        browser.signIn("admin", DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo("/admin/");
        browser.waitFor(By.id("dashboard"));
        browser.chromiumOnly("the top bar keeps to one line at 1366 px", () ->
                assertThat(browser.waitFor(By.cssSelector("header.top-bar")).getSize().getHeight()).isLessThan(70));
        browser.click(By.cssSelector("a[data-figure='dashboard.idle.60']"));
        assertThat(browser.path()).startsWith("/activities/idle-branches");
        browser.click(By.cssSelector("#idle-branches a[href='/admin/orgs/" + quiet.id() + "']"));
        assertThat(browser.waitFor(By.id("org-name")).getText()).isEqualTo(quiet.name());
        // the side menu marks where the clerk is
        assertThat(browser.waitFor(By.cssSelector("#side-menu a.active")).getAttribute("href")).endsWith("/admin/orgs");
    }

    @Test
    void onAPhoneAMemberLandsOnTheirHomeFollowsTheCheckInButtonAndChecksIn() {
        Branch branch = fixtures.branch("看板手机团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "李首页"), branch.id());
        Instant now = clock.instant();
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "首页签到活动", null, "社区广场", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(2)), null, null, null,
                    new BigDecimal("2")));
            activities.publish(id);
            return id;
        });
        fixtures.as(member, () -> activities.signUp(activity));

        browser.phoneSized();
        browser.signIn(member, TestFixtures.PASSWORD);
        assertThat(browser.path()).isEqualTo("/me/home");
        browser.fitsTheWindow("the member's home");
        browser.click(By.cssSelector("#member-home .check-in-button"));
        assertThat(browser.path()).isEqualTo("/me/activities/" + activity);
        String code = fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).code());
        browser.waitFor(By.id("code")).sendKeys(code);
        browser.click(By.id("submit-code"));
        assertThat(browser.waitFor(By.id("checkin-result")).getText()).contains("签到成功");
    }

    @Test
    void noPageOfAnyRoleIsWiderThanAPhone() throws IOException {
        // the matrix's columns: anonymous member leader secretary org-admin county-admin
        Map<String, Integer> roles = Map.of("member", 1, "leader", 2, "secretary", 3, "admin", 5);
        List<String[]> rows = Files.readAllLines(Path.of("src/test/resources/security/endpoints.txt")).stream()
                .filter(l -> l.startsWith("GET ")).map(l -> l.trim().split("\\s+"))
                .filter(r -> !r[1].contains("{") && !r[1].matches(".*(export|template|\\.png|\\.svg|/api/.*|/error|/login)$"))
                .toList();
        assertThat(rows).hasSizeGreaterThan(40);
        // only a rendering engine measures widths: without Chromium the whole walk is named as left out, once
        browser.chromiumOnly("no page of any role overflows 375 px", () -> {
            browser.phoneSized();
            for (Map.Entry<String, Integer> role : roles.entrySet()) {
                browser.signIn(role.getKey(), DEMO_PASSWORD);
                for (String[] row : rows) {
                    if ("Y".equals(row[2 + role.getValue()])) {
                        browser.open(row[1]);
                        browser.fitsTheWindow(row[1] + " as " + role.getKey());
                    }
                }
            }
        });
    }
}
