package com.countyleague;

import java.util.UUID;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.points.PointsBank;
import com.countyleague.points.RewardItem;
import com.countyleague.points.Rewards;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** On a phone: the member checks the balance, redeems, sees the pickup code; the secretary verifies it; the member sees it handed over. */
@BrowserTest
class PointsBrowserTests {

    static Browser browser;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    PointsBank bank;

    @Autowired
    Rewards rewards;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void aMemberRedeemsAndTheSecretaryHandsItOver() {
        Branch branch = fixtures.branch("手机积分团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String member = fixtures.members(branch.id(), "兑换者", 1).get(0);
        long person = fixtures.personOf(member);
        fixtures.as("admin", () -> {
            bank.adjust(person, 120, "社区志愿服务积分", UUID.randomUUID().toString());
            return null;
        });
        String name = "社区超市购物券" + TestFixtures.uniqueCode("B");
        fixtures.as(secretary, () -> {
            long id = rewards.create(new RewardItem.Details(name, "凭取货码到超市收银台领取", RewardItem.Kind.GOODS, "社区超市", branch.id(),
                    50, 10, null, null, null, null));
            rewards.publish(id, true);
            return id;
        });
        browser.phoneSized();

        browser.signIn(member, TestFixtures.PASSWORD);
        browser.open("/me/points");
        assertThat(browser.waitFor(By.id("balance")).getText()).isEqualTo("120");
        assertThat(browser.waitFor(By.id("history")).getText()).contains("社区志愿服务积分", "+120");
        browser.fitsTheWindow("the member's points");
        browser.click(By.id("to-rewards"));
        browser.click(By.xpath("//div[@id='offers']/div[.//strong[text()='" + name + "']]//button[contains(@class,'redeem')]"));
        browser.driver().switchTo().alert().accept();
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("兑换成功");
        String code = browser.waitFor(By.cssSelector("#redemptions .pickup-code")).getText();
        assertThat(code).matches("\\d{8}");
        browser.fitsTheWindow("the member's redemptions");
        browser.open("/me/points");
        assertThat(browser.waitFor(By.id("balance")).getText()).isEqualTo("70");

        browser.signIn(secretary, TestFixtures.PASSWORD);
        browser.open("/admin/points/pickup");
        browser.waitFor(By.id("code")).sendKeys(code);
        browser.click(By.id("find-pickup"));
        assertThat(browser.waitFor(By.id("pickup-found")).getText()).contains(name, "兑**甲");
        browser.click(By.id("fulfil"));
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("已核销");

        browser.signIn(member, TestFixtures.PASSWORD);
        browser.open("/me/redemptions");
        assertThat(browser.waitFor(By.cssSelector("#redemptions .redemption-status")).getText()).isEqualTo("已领取");
    }
}
