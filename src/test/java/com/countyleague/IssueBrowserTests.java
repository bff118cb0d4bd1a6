package com.countyleague;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.group.GroupKind;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone: a member raises a residents' issue with a photo; the secretary accepts it, gives it to
 * a council member with a due date and resolves it; the member closes it with their word and reads
 * its whole history.
 */
@BrowserTest
class IssueBrowserTests {

    static Browser browser;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

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
    void aMemberRaisesAnIssueWithAPhotoAndClosesItOnceTheSecretaryHasResolvedIt() throws Exception {
        Branch branch = fixtures.branch("手机民情团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long person = fixtures.youth(branch.id(), "孙居民");
        jdbc.sql("update person set compound_id = ?, building_id = ? where id = ?").params(branch.compoundId(), branch.firstBuildingId(), person)
                .update();
        String member = fixtures.accountFor(person, branch.id());
        long council = fixtures.group(GroupKind.YOUTH_COUNCIL, branch.id(), null);
        fixtures.enrol(council, fixtures.youth(branch.id(), "钱议事"));
        Path photo = Files.createTempFile("issue", ".png");
        Files.write(photo, TwoBranches.png());
        browser.phoneSized();

        browser.signIn(member, TestFixtures.PASSWORD);
        browser.open("/me/issues");
        browser.fitsTheWindow("the member's issues");
        browser.click(By.id("report-issue"));
        browser.fitsTheWindow("the issue form");
        new Select(browser.waitFor(By.id("scope"))).selectByVisibleText("生活事");
        new Select(browser.waitFor(By.id("nature"))).selectByVisibleText("群众烦心事");
        browser.waitFor(By.id("title")).sendKeys("楼顶水箱漏水");
        browser.waitFor(By.id("description")).sendKeys("1号楼顶楼水箱漏水，渗到住户家里");
        browser.driver().findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
        browser.click(By.cssSelector("#my-issue-form button[type='submit']"));
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("已提交");
        assertThat(browser.waitFor(By.id("my-issue-status")).getText()).isEqualTo("待受理");
        String path = browser.path();
        long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select count(*) from resident_issue_photo where issue_id = ?").param(id).query(Long.class).single()).isEqualTo(1);

        LocalDate due = LocalDate.now(clock).plusDays(7);
        browser.signIn(secretary, TestFixtures.PASSWORD);
        browser.open("/admin/issues/" + id);
        browser.fitsTheWindow("the issue's page");
        assertThat(browser.waitFor(By.id("issue-reporter")).getText()).isEqualTo("孙居民");
        new Select(browser.waitFor(By.cssSelector("#accept-issue select[name='assigneeId']"))).selectByVisibleText("钱议事");
        browser.setValue(By.cssSelector("#accept-issue input[name='dueOn']"), due.toString());
        browser.click(By.cssSelector("#accept-issue button"));
        browser.waitForText(By.id("issue-assignee"), "钱议事");
        browser.click(By.cssSelector("#start-issue button"));
        browser.waitForText(By.id("issue-status"), "办理中");
        browser.waitFor(By.cssSelector("#resolve-issue input[name='resolution']")).sendKeys("已请物业更换水箱密封圈");
        browser.click(By.cssSelector("#resolve-issue button"));
        browser.waitForText(By.id("issue-status"), "已办结");

        browser.signIn(member, TestFixtures.PASSWORD);
        browser.open("/me/issues/" + id);
        browser.fitsTheWindow("the member's issue");
        browser.waitFor(By.cssSelector("#close-my-issue textarea[name='feedback']")).sendKeys("当天就修好了");
        new Select(browser.waitFor(By.cssSelector("#close-my-issue select[name='satisfaction']"))).selectByValue("5");
        browser.click(By.cssSelector("#close-my-issue button"));
        browser.waitForText(By.id("my-issue-status"), "已关闭");
        assertThat(browser.waitFor(By.id("my-issue-history")).getText())
                .contains("提交", "受理", "指定承办", "钱议事", "开始办理", "办结", "已请物业更换水箱密封圈", "关闭", "当天就修好了");
    }
}
