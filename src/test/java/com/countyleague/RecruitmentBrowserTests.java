package com.countyleague;

import java.time.LocalDate;
import java.util.List;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.group.GroupKind;
import com.countyleague.group.GroupRole;
import com.countyleague.group.Groups;
import com.countyleague.member.Gender;
import com.countyleague.member.TestIds;
import com.countyleague.recruitment.Campaign;
import com.countyleague.recruitment.Channel;
import com.countyleague.recruitment.Recruitment;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** On a phone: a young person applies through a campaign's page, the group's leader approves, and there they are. */
@BrowserTest
class RecruitmentBrowserTests {

    static Browser browser;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Groups groups;

    @Autowired
    Recruitment recruitment;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void aYouthAppliesTheLeaderApprovesAndTheYouthIsInTheGroupAndTheYouthLedger() {
        Branch branch = fixtures.branch("手机招募团支部");
        long group = fixtures.group(GroupKind.INTEREST_GROUP, branch.id(), 30);
        long leaderPerson = fixtures.youth(branch.id(), "舞蹈组长");
        long ownership = fixtures.enrol(group, leaderPerson).getId();
        fixtures.as("admin", () -> {
            groups.appoint(ownership, GroupRole.OWNER);
            return null;
        });
        String leader = fixtures.accountFor(leaderPerson, branch.id());
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String code = TestFixtures.uniqueCode("phone").toLowerCase();
        fixtures.as("admin", () -> recruitment.create(new Campaign.Details(code, "舞蹈团招新", "欢迎热爱舞蹈的青年加入。",
                branch.committeeId(), branch.id(), LocalDate.now().minusDays(1), LocalDate.now().plusDays(10), true,
                List.of(new Campaign.Target(group, 5)), List.of(new Campaign.ChannelUse(Channel.COMMUNITY_POOL, "社区青年库"),
                        new Campaign.ChannelUse(Channel.SELF_APPLICATION, null)))));
        String mobile = "1367654" + String.format("%04d", (int) (System.nanoTime() % 10000));
        String id = TestIds.of(LocalDate.of(2002, 9, 9), Gender.FEMALE);

        browser.phoneSized();
        browser.driver().manage().deleteAllCookies();
        browser.open("/join/" + code);
        assertThat(browser.waitFor(By.id("campaign-title")).getText()).isEqualTo("舞蹈团招新");
        browser.fitsTheWindow("a campaign's public application page");
        browser.driver().findElement(By.id("name")).sendKeys("陈舞者");
        browser.driver().findElement(By.id("idNumber")).sendKeys(id.toLowerCase());
        browser.driver().findElement(By.id("mobile")).sendKeys(mobile);
        new Select(browser.driver().findElement(By.id("channel"))).selectByValue("COMMUNITY_POOL");
        browser.driver().findElement(By.id("partner")).sendKeys("社区青年库");
        browser.driver().findElement(By.id("motivation")).sendKeys("从小学跳舞，想和邻居一起跳。");
        browser.click(By.id("submit-application"));
        assertThat(browser.waitFor(By.id("application-received")).getText()).contains("报名已提交");

        browser.signIn(leader, TestFixtures.PASSWORD);
        browser.open("/groups/" + group);
        browser.click(By.id("campaign-applications"));
        assertThat(browser.waitFor(By.id("group-applications")).getText()).contains("陈舞者", "社区青年库");
        browser.click(By.cssSelector("#group-applications .approve-application"));
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("已通过");

        browser.open("/groups/" + group);
        assertThat(browser.waitFor(By.id("members")).getText()).contains("陈舞者");

        browser.signIn(secretary, TestFixtures.PASSWORD);
        browser.open("/admin/people?ledger=YOUTH&text=" + mobile);
        // the secretary of the intake branch sees only that branch: the newcomer is in its youth ledger
        assertThat(browser.waitFor(By.id("people")).getText()).contains("陈舞者", "在册");
    }
}
