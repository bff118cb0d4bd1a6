package com.countyleague.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before the password is even checked: a sign-in that needs the captcha and does not answer it is
 * refused and logged, and counts as one more failure.
 */
class CaptchaFilter extends OncePerRequestFilter {

    private final SignInCaptcha captcha;
    private final LoginLog loginLog;
    private final AccountRepository accounts;

    CaptchaFilter(SignInCaptcha captcha, LoginLog loginLog, AccountRepository accounts) {
        this.captcha = captcha;
        this.loginLog = loginLog;
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = Texts.clip(request.getParameter("username"), 100);
        if (captcha.required(username, request.getRemoteAddr())
                && !captcha.solved(request.getSession(false), request.getParameter("captcha"))) {
            request.getSession().setAttribute(SignInCaptcha.LAST_USERNAME, username);
            loginLog.record(username, accounts.findByUsername(username == null ? "" : username).map(Account::getId).orElse(null),
                    LoginLog.Result.CAPTCHA, null);
            response.sendRedirect(request.getContextPath() + "/login?error=captcha");
            return;
        }
        chain.doFilter(request, response);
    }
}
