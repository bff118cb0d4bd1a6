package com.countyleague.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * What happens around sign-in: the login log, the lockout count, the client's address kept with the
 * session for the online-users page, and the demand to change a password someone else has set.
 */
@Component
class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler
        implements AuthenticationFailureHandler, LogoutSuccessHandler {

    private final Accounts accounts;
    private final AccountRepository accountRepository;
    private final LoginLog loginLog;
    private final PasswordHistory passwordHistory;
    private final OnlineSessions onlineSessions;
    private final int staffSessions;

    SignInHandlers(Accounts accounts, AccountRepository accountRepository, LoginLog loginLog, PasswordHistory passwordHistory,
                   OnlineSessions onlineSessions, @Value("${league.sessions.max-per-staff:3}") int staffSessions) {
        this.passwordHistory = passwordHistory;
        this.onlineSessions = onlineSessions;
        this.staffSessions = staffSessions;
        this.accounts = accounts;
        this.accountRepository = accountRepository;
        this.loginLog = loginLog;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, jakarta.servlet.ServletException {
        AccountPrincipal principal = (AccountPrincipal) authentication.getPrincipal();
        accounts.recordSuccessfulLogin(principal.accountId());
        loginLog.record(principal.getUsername(), principal.accountId(), LoginLog.Result.SUCCESS, null);
        HttpSession session = request.getSession();
        session.removeAttribute(SignInCaptcha.LAST_USERNAME);
        if (principal.role().isStaff()) {
            // a staff account holds a few sessions at most: signing in again ends the oldest
            onlineSessions.keepAtMost(principal.getUsername(), staffSessions, session.getId());
        }
        session.setAttribute(SessionFlags.CLIENT_IP, request.getRemoteAddr());
        session.setAttribute(SessionFlags.CLIENT_AGENT, Texts.clip(request.getHeader("User-Agent"), 300));
        // a password set by someone else, or a staff password past its age, is changed before anything else
        boolean mustChange = accountRepository.findById(principal.accountId())
                .map(a -> a.isMustChangePassword() || passwordHistory.isExpired(a)).orElse(false);
        if (mustChange) {
            session.setAttribute(SessionFlags.MUST_CHANGE_PASSWORD, Boolean.TRUE);
            getRedirectStrategy().sendRedirect(request, response, "/me/password");
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String username = Texts.clip(request.getParameter("username"), 100);
        Long accountId = accountRepository.findByUsername(username == null ? "" : username).map(Account::getId).orElse(null);
        boolean captcha = exception instanceof CaptchaFilter.CaptchaNotAnswered;
        if (captcha) {
            loginLog.record(username, accountId, LoginLog.Result.CAPTCHA, null);
        } else if (exception instanceof LockedException) {
            loginLog.record(username, accountId, LoginLog.Result.LOCKED, null);
        } else if (exception instanceof DisabledException) {
            loginLog.record(username, accountId, LoginLog.Result.DISABLED, null);
        } else {
            boolean lockedNow = exception instanceof BadCredentialsException && accountId != null
                    && accounts.recordFailedLogin(username);
            loginLog.record(username, accountId, LoginLog.Result.BAD_CREDENTIALS, lockedNow ? "locked" : null);
        }
        request.getSession().setAttribute(SignInCaptcha.LAST_USERNAME, username);
        // one answer for a wrong password, an unknown user, a locked and a disabled account: the page tells
        // nobody which accounts exist or what state they are in; the login log keeps the difference
        getRedirectStrategy().sendRedirect(request, response, captcha ? "/login?error=captcha" : "/login?error");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                Authentication authentication) throws IOException {
        if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
            loginLog.record(principal.getUsername(), principal.accountId(), LoginLog.Result.LOGOUT, null);
        }
        getRedirectStrategy().sendRedirect(request, response, "/login?logout");
    }
}
