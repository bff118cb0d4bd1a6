package com.countyleague;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.member.Gender;
import com.countyleague.member.Sheets;
import com.countyleague.member.TestIds;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A secretary keeps the ledger in the browser: import, fix, import again, find, transfer; the other side accepts. */
@BrowserTest
class LedgerBrowserTests {

    static Browser browser;

    @Autowired
    TestFixtures fixtures;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void aSecretaryImportsFixesFindsAndTransfersAndTheReceivingSecretaryAccepts() throws Exception {
        Branch home = fixtures.branch("浏览器导入团支部");
        Branch receiving = fixtures.branch("浏览器转入团支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, home.id());
        String receiver = fixtures.readyAccount(Role.BRANCH_SECRETARY, receiving.id());
        String good = TestIds.of(LocalDate.of(2000, 10, 1), Gender.MALE);
        String target = TestIds.of(LocalDate.of(2001, 11, 2), Gender.FEMALE);
        String mobile = "1351234" + String.format("%04d", (int) (System.nanoTime() % 10000));
        String wrong = target.substring(0, 17) + (target.charAt(17) == '1' ? '2' : '1');

        browser.desktopSized();
        browser.signIn(secretary, TestFixtures.PASSWORD);

        upload(Sheets.xlsx(Sheets.HEADERS, List.of(
                Sheets.row("李导入", good, null, "青年", home.name()),
                Sheets.row("周待转", wrong, mobile, "青年", home.name()))), "first.xlsx");
        assertThat(browser.waitFor(By.id("import-invalid")).getText()).contains("本文件不会导入任何数据");
        assertThat(browser.driver().findElement(By.cssSelector("#import-problems tr[data-row='3']")).getText())
                .contains("身份证号", "身份证号校验码不正确");

        upload(Sheets.xlsx(Sheets.HEADERS, List.of(
                Sheets.row("李导入", good, null, "青年", home.name()),
                Sheets.row("周待转", target, mobile, "青年", home.name()))), "fixed.xlsx");
        assertThat(browser.waitFor(By.id("count-new")).getText()).isEqualTo("2");
        browser.click(By.id("confirm-import"));
        assertThat(browser.waitFor(By.id("import-done")).getText()).contains("导入完成");

        browser.open("/admin/people?ledger=YOUTH");
        browser.waitFor(By.id("text")).sendKeys(mobile);
        browser.click(By.id("search"));
        browser.click(By.linkText("周待转"));
        assertThat(browser.waitFor(By.id("person-name")).getText()).isEqualTo("周待转");
        assertThat(browser.driver().findElement(By.id("id-number")).getText()).contains("********");

        new Select(browser.waitFor(By.id("toOrgId"))).selectByValue(Long.toString(receiving.id()));
        browser.driver().findElement(By.id("transfer-reason")).sendKeys("迁居");
        browser.click(By.id("request-transfer"));
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("已提交转接申请");
        assertThat(browser.waitFor(By.id("pending-transfer")).isDisplayed()).isTrue();

        browser.signIn(receiver, TestFixtures.PASSWORD);
        browser.open("/admin/people/transfers");
        browser.click(By.cssSelector("#transfers .accept-transfer"));
        browser.driver().switchTo().alert().accept();
        assertThat(browser.waitFor(By.id("flash-success")).getText()).contains("已接收");

        browser.open("/admin/people?ledger=YOUTH&text=" + mobile);
        assertThat(browser.waitFor(By.id("people")).getText()).contains("周待转", "浏览器转入团支部");
    }

    private static void upload(byte[] sheet, String name) throws Exception {
        Path file = Files.createTempFile("ledger-", "-" + name);
        Files.write(file, sheet);
        browser.open("/admin/people/import");
        browser.waitFor(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.click(By.id("upload"));
        browser.waitFor(By.id("import-outcome"));
    }
}
