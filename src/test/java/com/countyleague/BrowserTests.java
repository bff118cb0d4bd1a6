package com.countyleague;

import com.countyleague.account.Role;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The main journeys of this foundation in a real browser against the running application. */
@BrowserTest
class BrowserTests {

    private static final String DEMO_PASSWORD = "Demo@2026";

    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void anAdminAddsABranchUnderACommitteeAndFindsItInTheTree() {
        browser.desktopSized();
        browser.signIn("admin", DEMO_PASSWORD);
        browser.open("/admin/orgs");
        browser.click(By.cssSelector("#org-tree a[data-org-code='DC-C02']"));
        browser.click(By.id("add-org"));

        String code = TestFixtures.uniqueCode("WEB");
        assertThat(new Select(browser.waitFor(By.id("parentId"))).getFirstSelectedOption().getText()).contains("锦江街道团工委");
        new Select(browser.driver().findElement(By.id("type"))).selectByValue("BRANCH");
        browser.driver().findElement(By.id("name")).sendKeys("浏览器新建社区团支部");
        browser.driver().findElement(By.id("code")).sendKeys(code);
        // an administrator's change says why
        browser.driver().findElement(By.id("reason")).sendKeys("街道新设社区");
        browser.click(By.id("save"));

        assertThat(browser.waitFor(By.id("org-name")).getText()).isEqualTo("浏览器新建社区团支部");
        assertThat(browser.waitFor(By.id("flash-success")).getText()).isEqualTo("组织已创建");

        browser.open("/admin/orgs");
        browser.click(By.cssSelector("#org-tree a[data-org-code='DC-C02']"));
        WebElement inTree = browser.waitFor(By.cssSelector("#org-tree a[data-org-code='" + code + "']"));
        assertThat(inTree.getText()).isEqualTo("浏览器新建社区团支部");

        browser.driver().findElement(By.id("text")).sendKeys(code);
        browser.click(By.id("search"));
        assertThat(browser.waitFor(By.id("orgs")).getText()).contains("浏览器新建社区团支部", "锦江街道团工委");
        assertThat(browser.driver().findElement(By.id("total")).getText()).isEqualTo("共 1 条");
    }

    @Test
    void theMemberSignsInOnAPhoneAndIsRefusedTheAdminPages() {
        browser.phoneSized();
        browser.signIn("member", DEMO_PASSWORD);
        assertThat(browser.path()).isEqualTo("/me/home");
        browser.waitFor(By.id("member-home"));
        browser.fitsTheWindow("the member's home");
        browser.click(By.cssSelector("#tab-bar a[href='/me/']"));
        assertThat(browser.waitFor(By.id("my-role")).getText()).isEqualTo("团员青年");
        assertThat(browser.driver().findElements(By.cssSelector("a[href='/admin/orgs']"))).isEmpty();

        browser.open("/admin/orgs");
        assertThat(browser.waitFor(By.id("error-reason")).getText()).contains("您没有权限访问此页面或执行此操作");
        assertThat(browser.driver().getPageSource()).doesNotContain("共青团示范县委员会");
    }

    @Test
    void anAdminDisablesAnAccountFromTheListSayingWhyAndTheLogKeepsIt() {
        String username = fixtures.readyAccount(Role.MEMBER, fixtures.rootId());
        browser.desktopSized();
        browser.signIn("admin", DEMO_PASSWORD);
        browser.open("/admin/accounts?text=" + username);

        // asked why when pressed: dismissing the question sends nothing
        browser.click(By.cssSelector("form[action$='/enabled'] button"));
        browser.driver().switchTo().alert().dismiss();
        assertThat(enabled(username)).isTrue();

        browser.click(By.cssSelector("form[action$='/enabled'] button"));
        Alert question = browser.driver().switchTo().alert();
        assertThat(question.getText()).contains(username, "请写明原因");
        question.sendKeys("已调离本县");
        question.accept();
        assertThat(browser.waitFor(By.id("flash-success")).getText()).isEqualTo("账号已停用");
        assertThat(enabled(username)).isFalse();
        assertThat(jdbc.sql("select parameters from operation_log where url like '%/enabled' and parameters like ? order by id desc limit 1")
                .param("%已调离本县%").query(String.class).optional()).isPresent();
    }

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private boolean enabled(String username) {
        return jdbc.sql("select enabled from account where username = ?").param(username).query(Boolean.class).single();
    }
}
