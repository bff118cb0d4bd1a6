package com.countyleague;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.activity.CheckIns;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In a basement without signal: the member's phone, offline, opens the screen's QR code; the check-in
 * page kept by the service worker says it is recorded and will be sent; back online, it is sent and the
 * attendance appears once; the same request sent again records nothing.
 */
@BrowserTest
class OfflineCheckInBrowserTests {

    static Browser browser;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Activities activities;

    @Autowired
    CheckIns checkIns;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void openBrowser(@LocalServerPort int port) {
        browser = new Browser(port);
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    @Test
    void aMemberChecksInWithoutSignalAndTheAttendanceAppearsOnceWhenTheSignalReturns() {
        browser.chromiumOnly("check-in without signal (service worker, network emulation)", this::offlineCheckIn);
    }

    private void offlineCheckIn() {
        Branch branch = fixtures.branch("地下室签到支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        long person = fixtures.youth(branch.id(), "赵无信号");
        String member = fixtures.accountFor(person, branch.id());
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(10));
        long activity = fixtures.as(secretary, () -> {
            long id = activities.create(new Activity.Details(branch.id(), null, Activity.Type.VOLUNTEER_SERVICE, Activity.Mode.OFFLINE,
                    "地下车库清理", null, "3号楼地下车库", start, start.plus(Duration.ofHours(2)), null, null, null, new BigDecimal("2")));
            activities.publish(id);
            return id;
        });
        browser.phoneSized();
        browser.signIn(member, TestFixtures.PASSWORD);
        browser.open("/me/check-in");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        // the worker has kept the check-in page: the phone is ready for the basement
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then(function () { return caches.match('/me/check-in'); })"
                        + ".then(function (kept) { done(!!kept); }, function () { done(false); });")));

        network(false);
        String token = fixtures.as(secretary, () -> checkIns.screen(activity, CheckIns.Purpose.IN).token());
        browser.open("/check-in/" + token);
        showing("checkin-pending", "已记录，联网后自动发送");
        String queued = (String) js.executeScript("return localStorage.getItem('league.pendingCheckIns');");
        assertThat(queued).contains(token);
        assertThat(attendances(activity, person)).as("nothing reached the server").isZero();

        network(true);
        showing("checkin-sent", "地下车库清理 · 签到成功");
        assertThat(attendances(activity, person)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from offline_check_in where person_id = ?").param(person).query(Long.class).single())
                .isEqualTo(1);

        // the same queued request sent again (a retry after a lost answer, or a replay): recorded nothing
        Object replay = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "var item = JSON.parse(arguments[0])[0];"
                + "var headers = {'Content-Type': 'application/json'};"
                + "headers[document.querySelector('meta[name=\"_csrf_header\"]').content] = document.querySelector('meta[name=\"_csrf\"]').content;"
                + "fetch('/api/v1/me/check-ins', {method: 'POST', credentials: 'same-origin', headers: headers,"
                + " body: JSON.stringify({nonce: item.nonce, token: item.token, takenAt: item.takenAt})})"
                + ".then(function (r) { return r.json(); }).then(function (j) { done(j.result); }, function (e) { done('error ' + e); });",
                queued);
        assertThat(replay).isEqualTo("ALREADY_SENT");
        assertThat(attendances(activity, person)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from offline_check_in where person_id = ?").param(person).query(Long.class).single())
                .isEqualTo(1);
    }

    private static void showing(String id, String text) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private long attendances(long activity, long person) {
        return jdbc.sql("select count(*) from attendance where activity_id = ? and person_id = ?").params(activity, person)
                .query(Long.class).single();
    }

    /**
     * DevTools' network conditions, offline or back: for the page and for the service worker, which
     * fetches on the page's behalf and is a target of its own.
     */
    @SuppressWarnings("unchecked")
    private static void network(boolean online) {
        HasCdp cdp = (HasCdp) browser.driver();
        Map<String, Object> conditions = Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
        cdp.executeCdpCommand("Network.enable", Map.of());
        cdp.executeCdpCommand("Network.emulateNetworkConditions", conditions);
        List<Map<String, Object>> targets = (List<Map<String, Object>>) cdp.executeCdpCommand("Target.getTargets", Map.of()).get("targetInfos");
        for (Map<String, Object> target : targets) {
            if ("service_worker".equals(target.get("type"))) {
                String session = (String) cdp.executeCdpCommand("Target.attachToTarget",
                        Map.of("targetId", target.get("targetId"), "flatten", false)).get("sessionId");
                cdp.executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", session,
                        "message", "{\"id\":1,\"method\":\"Network.enable\",\"params\":{}}"));
                cdp.executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", session,
                        "message", "{\"id\":2,\"method\":\"Network.emulateNetworkConditions\",\"params\":{\"offline\":" + !online
                                + ",\"latency\":0,\"downloadThroughput\":-1,\"uploadThroughput\":-1}}"));
            }
        }
    }
}
