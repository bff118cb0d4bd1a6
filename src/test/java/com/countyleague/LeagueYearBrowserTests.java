package com.countyleague;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.member.Gender;
import com.countyleague.member.Ledger;
import com.countyleague.member.TestIds;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * On a phone: a secretary records a 支部大会 with who came, opens the year's review at it, grades the
 * branch of ten, is refused a fourth 优秀, and submits; the committee above approves, registering them.
 */
@BrowserTest
class LeagueYearBrowserTests {

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
    void aSecretaryHoldsTheReviewAtAnAssemblyAndTheCommitteeApprovesIt() {
        Branch branch = fixtures.branch("评议旅程团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String committee = fixtures.readyAccount(Role.ORG_ADMIN, branch.committeeId());
        List<Long> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(fixtures.person(branch.id(), Ledger.LEAGUE_MEMBER, "旅程团员" + (char) ('A' + i),
                    TestIds.of(LocalDate.of(2001, 5, 1 + i), Gender.MALE), null));
        }
        browser.phoneSized();
        browser.signIn(secretary, TestFixtures.PASSWORD);

        browser.open("/admin/meetings");
        browser.fitsTheWindow("the branch's organisational life");
        browser.click(By.id("record-meeting"));
        browser.fitsTheWindow("the meeting form");
        new Select(browser.waitFor(By.id("kind"))).selectByVisibleText("支部大会");
        browser.setValue(By.id("heldOn"), LocalDate.now(clock).toString());
        browser.waitFor(By.id("topic")).sendKeys("年度团员教育评议大会");
        browser.waitFor(By.id("minutes")).sendKeys("逐一评议，民主测评");
        for (long member : members.subList(0, 8)) {
            browser.click(By.id("a" + member));
        }
        browser.click(By.cssSelector("#meeting-form button[type='submit']"));
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("会议已记录");
        assertThat(browser.waitFor(By.id("meeting-line")).getText()).contains("实到 8/10 人");
        browser.fitsTheWindow("the meeting");

        browser.click(By.cssSelector("#open-review button"));
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("评议已开启");
        browser.fitsTheWindow("the review round");
        for (int i = 0; i < 10; i++) {
            grade(members.get(i), i < 4 ? "优秀" : "合格");
        }
        browser.click(By.cssSelector("#grades button[type='submit']"));
        assertThat(browser.waitFor(By.id("flash-failure")).getText()).contains("最多 3 名优秀");
        assertThat(jdbc.sql("select count(*) from review_grade g join review_round r on r.id = g.round_id where r.organization_id = ? and g.grade is not null")
                .param(branch.id()).query(Long.class).single()).isZero();
        for (int i = 0; i < 10; i++) {
            grade(members.get(i), i < 3 ? "优秀" : "合格");
        }
        browser.click(By.cssSelector("#grades button[type='submit']"));
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("评定已保存");
        browser.click(By.cssSelector("#submit-round button"));
        browser.waitForText(By.cssSelector("#round-state .badge"), "待审批");

        browser.signIn(committee, TestFixtures.PASSWORD);
        browser.open("/admin/reviews");
        browser.fitsTheWindow("the rounds awaiting the committee");
        browser.click(By.cssSelector("#awaiting a"));
        browser.click(By.id("approve"));
        browser.waitForText(By.cssSelector("#round-state .badge"), "已通过");
        assertThat(browser.waitFor(By.id("registration")).getText()).contains("已注册 10/10 名团员");
        assertThat(jdbc.sql("select count(*) from league_registration where person_id = any(?) and registered")
                .param(members.toArray(Long[]::new)).query(Long.class).single()).isEqualTo(10);
    }

    private static void grade(long person, String grade) {
        new Select(browser.waitFor(By.name("grade-" + person))).selectByVisibleText(grade);
    }
}
