package com.countyleague;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.venue.ToolHouse;
import com.countyleague.venue.Venue;
import com.countyleague.venue.Venues;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** On a phone: a member asks for a tool, the manager lends it, the member sees the due date, the return is recorded. */
@BrowserTest
class ToolHouseBrowserTests {

    static Browser browser;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Venues venues;

    @Autowired
    ToolHouse tools;

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
    void aMemberBorrowsAToolAndBringsItBack() {
        Branch branch = fixtures.branch("手机工具屋团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "周借用"), branch.id());
        long venue = fixtures.as(secretary, () -> venues.create(new Venue.Details("手机共享工具屋", "TOOL_HOUSE", branch.id(), null, null,
                LocalTime.of(8, 0), LocalTime.of(20, 0), 10, null)));
        fixtures.as(secretary, () -> tools.addItem(venue, "手推车", 1));
        browser.phoneSized();

        browser.signIn(member, TestFixtures.PASSWORD);
        browser.open("/me/tools");
        browser.fitsTheWindow("the member's tool shelf");
        browser.click(By.cssSelector("#tool-offers button.ask"));
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("借用申请已提交");
        assertThat(browser.waitFor(By.cssSelector("#my-loans .loan-status")).getText()).isEqualTo("已申请");

        LocalDate due = LocalDate.now(clock).plusDays(5);
        browser.signIn(secretary, TestFixtures.PASSWORD);
        browser.open("/admin/venues/" + venue + "/tools");
        browser.fitsTheWindow("the tool house desk");
        browser.setValue(By.cssSelector("#tool-requests input[name='dueOn']"), due.toString());
        browser.click(By.cssSelector("#tool-requests button.lend"));
        assertThat(browser.waitFor(By.id("tool-lent")).getText()).contains("周借用", due.toString());

        browser.signIn(member, TestFixtures.PASSWORD);
        browser.open("/me/tools");
        assertThat(browser.waitFor(By.cssSelector("#my-loans .due")).getText()).contains(due.toString());

        browser.signIn(secretary, TestFixtures.PASSWORD);
        browser.open("/admin/venues/" + venue + "/tools");
        browser.waitFor(By.cssSelector("#tool-lent input[name='condition']")).sendKeys("轮子松动");
        browser.click(By.cssSelector("#tool-lent button.give-back"));
        assertThat(browser.waitFor(By.id("tool-history")).getText()).contains("周借用", "已归还", "轮子松动");
    }
}
