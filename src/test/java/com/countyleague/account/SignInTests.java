package com.countyleague.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.nio.charset.StandardCharsets;

import com.countyleague.IntegrationTest;
import com.countyleague.MutableClock;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.web.RuleViolationException;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in through the real form: lockout, its end, CSRF, and the login log. */
@IntegrationTest
class SignInTests {

    private static final Random ADDRESSES = new Random();

    /** The one answer to every failed sign-in. */
    private static final String REFUSED = "/login?error";

    /** Accounts made by an admin start with a password their owner must change. */
    private static final String FIRST_SIGN_IN = "/me/password";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    SignInCaptcha captcha;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    /** Each test signs in from an address of its own: failures from one address bring the captcha to it. */
    private final String address = "10.%d.%d.%d".formatted(ADDRESSES.nextInt(1, 255), ADDRESSES.nextInt(1, 255), ADDRESSES.nextInt(1, 255));

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRightPasswordSignsIn() throws Exception {
        String username = fixtures.account(Role.MEMBER, fixtures.rootId());
        signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl(FIRST_SIGN_IN));
        assertThat(loginResults(username)).containsExactly("SUCCESS");
    }

    @Test
    void theSixthAttemptWithTheRightPasswordDuringALockoutIsRefusedAndTheLockoutEndsAfterFifteenMinutes() throws Exception {
        String username = fixtures.account(Role.MEMBER, fixtures.rootId());
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(username, "Wrong@123").andExpect(redirectedUrl(REFUSED));
        }

        signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl(REFUSED));
        clock.advance(Duration.ofMinutes(14));
        signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl(REFUSED));

        clock.advance(Duration.ofMinutes(1));
        signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl(FIRST_SIGN_IN));

        assertThat(loginResults(username)).containsExactly("BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS",
                "BAD_CREDENTIALS", "BAD_CREDENTIALS", "LOCKED", "LOCKED", "SUCCESS");
    }

    @Test
    void theCountyAdminCanUnlockFromTheLoginLog() throws Exception {
        String username = fixtures.account(Role.MEMBER, fixtures.rootId());
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(username, "Wrong@123");
        }
        long accountId = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        mvc.perform(get("/admin/logs/logins").with(fixtures.signedIn("admin")))
                .andExpect(content().string(containsString(username)));
        mvc.perform(post("/admin/logs/logins/unlock/{id}", accountId).param("reason", "测试原因").with(fixtures.signedIn("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl(FIRST_SIGN_IN));
    }

    @Test
    void aDisabledAccountCannotSignIn() throws Exception {
        String username = fixtures.account(Role.MEMBER, fixtures.rootId());
        long accountId = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
        mvc.perform(post("/admin/accounts/{id}/enabled", accountId).param("reason", "测试原因").param("enabled", "false")
                .with(fixtures.signedIn("admin")).with(csrf())).andExpect(status().is3xxRedirection());
        signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl(REFUSED));
    }

    @Test
    void aWrongPasswordAnUnknownUserALockedAndADisabledAccountAreAnsweredAlike() throws Exception {
        String wrong = fixtures.account(Role.MEMBER, fixtures.rootId());
        String locked = fixtures.account(Role.MEMBER, fixtures.rootId());
        String disabled = fixtures.account(Role.MEMBER, fixtures.rootId());
        for (int attempt = 1; attempt <= 5; attempt++) {
            signIn(locked, "Wrong@123");
        }
        jdbc.sql("update account set enabled = false where username = ?").param(disabled).update();

        List<String> answers = new ArrayList<>();
        for (String[] attempt : List.of(new String[] {wrong, "Wrong@123"}, new String[] {"nobody-" + wrong, "Wrong@123"},
                new String[] {locked, TestFixtures.PASSWORD}, new String[] {disabled, TestFixtures.PASSWORD})) {
            String location = signIn(attempt[0], attempt[1]).andReturn().getResponse().getRedirectedUrl();
            answers.add(location + " " + mvc.perform(get(location)).andReturn().getResponse().getContentAsString()
                    .replaceAll("(?s).*(<div[^>]*id=\"login-error\".*?</div>).*", "$1"));
        }
        assertThat(answers).hasSize(4).containsOnly(answers.get(0));
        assertThat(answers.get(0)).startsWith(REFUSED).contains("用户名或密码错误");
        // the log still tells them apart for the administrator
        assertThat(loginResults(locked)).endsWith("LOCKED");
        assertThat(loginResults(disabled)).containsExactly("DISABLED");
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneSignsNobodyIn() throws Exception {
        Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).isNotNull();
        String username = fixtures.readyAccount(Role.MEMBER, fixtures.rootId());
        Cookie after = mvc.perform(post("/login").cookie(before).with(csrf())
                        .param("username", username).param("password", TestFixtures.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION");

        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        mvc.perform(get("/me/").cookie(after)).andExpect(status().isOk());
        mvc.perform(get("/me/").cookie(before)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void everyPageSaysToKeepItsAddressAndTheDevicesToThemselves() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Permissions-Policy", containsString("geolocation=()")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")));
    }

    @Test
    void aPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", "Demo@2026"))
                .andExpect(status().isForbidden());
        long before = jdbc.sql("select count(*) from organization").query(Long.class).single();
        mvc.perform(post("/admin/orgs/new").param("reason", "测试原因").with(fixtures.signedIn("admin"))
                        .param("parentId", Long.toString(fixtures.rootId())).param("type", "COMMITTEE")
                        .param("name", "无令牌团委").param("code", TestFixtures.uniqueCode("csrf")))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from organization").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void pagesNeedASignedInUser() throws Exception {
        mvc.perform(get("/admin/orgs")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/me/")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aPasswordSetByAnAdminMustBeChangedBeforeAnythingElse() throws Exception {
        String username = fixtures.account(Role.BRANCH_SECRETARY, fixtures.rootId());
        Cookie session = signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl(FIRST_SIGN_IN))
                .andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/admin/orgs").cookie(session)).andExpect(redirectedUrl(FIRST_SIGN_IN));
        mvc.perform(post("/me/password").cookie(session).with(csrf())
                        .param("currentPassword", TestFixtures.PASSWORD).param("newPassword", "Changed@2026")
                        .param("confirmPassword", "Changed@2026"))
                .andExpect(redirectedUrl("/me/"));
        mvc.perform(get("/admin/orgs").cookie(session)).andExpect(status().isOk());
        signIn(username, "Changed@2026").andExpect(redirectedUrl("/"));
    }

    @Test
    void aStaffPasswordOlderThanNinetyDaysMustBeChangedAtSignInAndNoneOfTheLastFiveMayComeBack() throws Exception {
        Branch branch = fixtures.branch("密码期限支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String member = fixtures.accountFor(fixtures.youth(branch.id(), "密码不过期"), branch.id());
        clock.advance(Duration.ofDays(89));
        signIn(secretary, TestFixtures.PASSWORD).andExpect(redirectedUrl("/"));
        clock.advance(Duration.ofDays(2));
        signIn(secretary, TestFixtures.PASSWORD).andExpect(redirectedUrl(FIRST_SIGN_IN));
        // a member's password does not expire
        signIn(member, TestFixtures.PASSWORD).andExpect(redirectedUrl("/"));

        // five changes in a row: each of the last five is refused (the present one as the same), the sixth back is allowed again
        List<String> passwords = List.of(TestFixtures.PASSWORD, "Second@2026", "Third@2026x", "Fourth@2026", "Fifth@2026x", "Sixth@2026x");
        for (int i = 1; i < passwords.size(); i++) {
            String from = passwords.get(i - 1);
            String to = passwords.get(i);
            fixtures.as(secretary, () -> {
                accounts.changeOwnPassword(from, to);
                return null;
            });
        }
        for (String reused : passwords.subList(1, 5)) {
            assertThatThrownBy(() -> fixtures.as(secretary, () -> {
                accounts.changeOwnPassword("Sixth@2026x", reused);
                return null;
            })).isInstanceOfSatisfying(RuleViolationException.class, e -> {
                assertThat(e.field()).isEqualTo("newPassword");
                assertThat(e.messageKey()).isEqualTo("account.password.reused");
            });
        }
        fixtures.as(secretary, () -> {
            accounts.changeOwnPassword("Sixth@2026x", TestFixtures.PASSWORD);
            return null;
        });
        signIn(secretary, TestFixtures.PASSWORD).andExpect(redirectedUrl("/"));
    }

    @Test
    void aStaffAccountHoldsThreeSessionsAtMostAndSigningInAgainEndsTheOldest() throws Exception {
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("会话上限支部").id());
        List<Cookie> sessions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sessions.add(signIn(secretary, TestFixtures.PASSWORD).andExpect(redirectedUrl("/")).andReturn().getResponse().getCookie("SESSION"));
            clock.advance(Duration.ofSeconds(1));
        }
        mvc.perform(get("/admin/").cookie(sessions.get(0))).andExpect(redirectedUrl("/login"));
        for (Cookie kept : sessions.subList(1, 4)) {
            mvc.perform(get("/admin/").cookie(kept)).andExpect(status().is2xxSuccessful());
        }
    }

    @Test
    void afterThreeFailuresForAnAccountThePageAsksForTheCaptchaAndTheRightPasswordWithoutItIsRefused() throws Exception {
        String username = fixtures.readyAccount(Role.MEMBER, fixtures.rootId());
        Cookie browser = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(mvc.perform(get("/login").with(address(address))).andReturn().getResponse().getContentAsString())
                    .doesNotContain("captcha-picture");
            var post = post("/login").with(csrf()).with(address(address)).param("username", username).param("password", "Wrong@123");
            MockHttpServletResponse refused = mvc.perform(browser == null ? post : post.cookie(browser))
                    .andExpect(redirectedUrl(REFUSED)).andReturn().getResponse();
            browser = refused.getCookie("SESSION") == null ? browser : refused.getCookie("SESSION");
        }
        mvc.perform(get("/login").cookie(browser).with(address(address)))
                .andExpect(content().string(containsString("id=\"captcha-picture\"")))
                .andExpect(content().string(containsString("name=\"captcha\"")));

        // the right password: without the code, and with a wrong one, refused before the password is looked at
        signIn(username, TestFixtures.PASSWORD, address, false).andExpect(redirectedUrl("/login?error=captcha"));
        mvc.perform(get("/login/captcha").cookie(browser).with(address(address))).andExpect(status().isOk());
        String answer = answerIn(browser);
        String wrong = answer.equals("22222") ? "33333" : "22222";
        mvc.perform(post("/login").cookie(browser).with(csrf()).with(address(address)).param("username", username)
                .param("password", TestFixtures.PASSWORD).param("captcha", wrong)).andExpect(redirectedUrl("/login?error=captcha"));
        // an answer is good for one attempt only
        mvc.perform(post("/login").cookie(browser).with(csrf()).with(address(address)).param("username", username)
                .param("password", TestFixtures.PASSWORD).param("captcha", answer)).andExpect(redirectedUrl("/login?error=captcha"));
        assertThat(mvc.perform(get("/login?error=captcha")).andReturn().getResponse().getContentAsString()).contains("请输入图中的验证码");

        signIn(username, TestFixtures.PASSWORD).andExpect(redirectedUrl("/"));
        assertThat(loginResults(username)).containsExactly("BAD_CREDENTIALS", "BAD_CREDENTIALS", "BAD_CREDENTIALS",
                "CAPTCHA", "CAPTCHA", "CAPTCHA", "SUCCESS");
        // a success ends it: the next attempt needs no captcha
        signIn(username, TestFixtures.PASSWORD, address, false).andExpect(redirectedUrl("/"));
    }

    @Test
    void threeFailuresForOneAccountFromThreeAddressesBringTheCaptchaToAFourth() throws Exception {
        String username = fixtures.readyAccount(Role.MEMBER, fixtures.rootId());
        for (String from : List.of("10.1.1.1", "10.1.1.2", "10.1.1.3")) {
            signIn(username, "Wrong@123", from, false).andExpect(redirectedUrl(REFUSED));
        }
        signIn(username, TestFixtures.PASSWORD, "10.1.1.4", false).andExpect(redirectedUrl("/login?error=captcha"));
        signIn(username, TestFixtures.PASSWORD, "10.1.1.4", true).andExpect(redirectedUrl("/"));
    }

    @Test
    void threeFailuresFromOneAddressBringTheCaptchaForEveryAccountThere() throws Exception {
        for (int i = 0; i < 3; i++) {
            signIn("nobody-" + i + "-" + address, "Wrong@123", address, false).andExpect(redirectedUrl(REFUSED));
        }
        String username = fixtures.readyAccount(Role.MEMBER, fixtures.rootId());
        signIn(username, TestFixtures.PASSWORD, address, false).andExpect(redirectedUrl("/login?error=captcha"));
        // elsewhere the same account signs in as usual
        signIn(username, TestFixtures.PASSWORD, address + "9", false).andExpect(redirectedUrl("/"));
    }

    @Test
    void twoFailuresAskForNothing() throws Exception {
        String username = fixtures.readyAccount(Role.MEMBER, fixtures.rootId());
        signIn(username, "Wrong@123", address, false).andExpect(redirectedUrl(REFUSED));
        signIn(username, "Wrong@123", address, false).andExpect(redirectedUrl(REFUSED));
        signIn(username, TestFixtures.PASSWORD, address, false).andExpect(redirectedUrl("/"));
    }

    @Test
    void theCaptchaIsAPngPictureOfItsSize() throws Exception {
        byte[] png = mvc.perform(get("/login/captcha")).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store"))).andReturn().getResponse().getContentAsByteArray();
        java.awt.image.BufferedImage picture = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(picture.getWidth()).isEqualTo(160);
        assertThat(picture.getHeight()).isEqualTo(56);
    }

    /**
     * Signs in from this test's own address, as a person would: when the page asks for the captcha,
     * answers it in the same browser.
     */
    private ResultActions signIn(String username, String password) throws Exception {
        return signIn(username, password, address, true);
    }

    private ResultActions signIn(String username, String password, String from, boolean answerCaptcha) throws Exception {
        var attempt = post("/login").with(csrf()).with(address(from)).param("username", username).param("password", password);
        if (answerCaptcha && captcha.required(username, from)) {
            Cookie browser = mvc.perform(get("/login/captcha").with(address(from))).andExpect(status().isOk())
                    .andExpect(content().contentType("image/png")).andReturn().getResponse().getCookie("SESSION");
            attempt.cookie(browser).param("captcha", answerIn(browser));
        }
        return mvc.perform(attempt);
    }

    private String answerIn(Cookie browser) {
        String sessionId = new String(Base64.getDecoder().decode(browser.getValue()), StandardCharsets.UTF_8);
        return sessions.findById(sessionId).getAttribute(SignInCaptcha.ANSWER);
    }

    private static RequestPostProcessor address(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private List<String> loginResults(String username) {
        return jdbc.sql("select result from login_log where username = ? order by id").param(username).query(String.class).list();
    }
}
