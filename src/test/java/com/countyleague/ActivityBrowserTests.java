package com.countyleague;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.activity.CheckIns;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** On a phone: the secretary creates and publishes an activity, a member signs up and checks in with the code, the secretary sees it. */
@BrowserTest
class ActivityBrowserTests {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static Browser browser;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    CheckIns checkIns;

    @Value("${league.zone}")
    ZoneId zone;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void theSecretaryPublishesAMemberSignsUpAndChecksInWithTheCodeAndTheSecretarySeesTheAttendance() {
        Branch branch = fixtures.branch("手机活动团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "王签到"), branch.id());
        LocalDateTime now = LocalDateTime.now(zone);
        browser.phoneSized();

        browser.signIn(secretary, TestFixtures.PASSWORD);
        browser.open("/activities/new");
        browser.waitFor(By.id("title")).sendKeys("周末社区清洁行动");
        browser.setValue(By.id("startsAt"), now.minusMinutes(10).format(LOCAL));
        browser.setValue(By.id("endsAt"), now.plusHours(2).format(LOCAL));
        browser.driver().findElement(By.id("place")).sendKeys("小区中心花园");
        browser.driver().findElement(By.id("serviceHours")).sendKeys("2");
        browser.click(By.id("save"));
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("活动已创建");
        browser.click(By.id("publish"));
        assertThat(browser.waitFor(By.id("activity-status")).getText()).isEqualTo("进行中");
        long activity = Long.parseLong(browser.path().replaceAll("\\D", ""));
        browser.click(By.id("open-screen"));
        assertThat(browser.waitFor(By.id("checkin-code")).getText()).matches("\\d{6}");
        assertThat(browser.waitFor(By.id("checkin-qr")).getAttribute("naturalWidth")).isNotEqualTo("0");

        browser.signIn(member, TestFixtures.PASSWORD);
        browser.open("/me/activities");
        browser.fitsTheWindow("the member's activities");
        browser.click(By.partialLinkText("周末社区清洁行动"));
        browser.fitsTheWindow("an activity as a member sees it");
        browser.click(By.id("sign-up"));
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("报名成功");
        // the code on the screen at this moment, as the member reads it off the wall
        String code = fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).code());
        browser.waitFor(By.id("code")).sendKeys(code);
        browser.click(By.id("submit-code"));
        assertThat(browser.waitFor(By.id("checkin-result")).getText()).contains("签到成功");
        browser.fitsTheWindow("the check-in result");

        browser.signIn(secretary, TestFixtures.PASSWORD);
        browser.open("/activities/" + activity);
        assertThat(browser.waitFor(By.id("attendance")).getText()).contains("王签到", "数字码");
        assertThat(browser.waitFor(By.id("sign-ups")).getText()).contains("王签到", "已到");
    }
}
