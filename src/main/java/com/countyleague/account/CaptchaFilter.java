package com.countyleague.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before the password is even checked: a sign-in that needs the captcha and does not answer it is
 * refused and logged, and counts as one more failure.
 */
class CaptchaFilter extends OncePerRequestFilter {

    /** Refused for want of the captcha's answer: logged and answered by the sign-in failure handler. */
    static class CaptchaNotAnswered extends AuthenticationException {
        CaptchaNotAnswered() {
            super("captcha not answered");
        }
    }

    private final SignInCaptcha captcha;
    private final AuthenticationFailureHandler failures;

    CaptchaFilter(SignInCaptcha captcha, AuthenticationFailureHandler failures) {
        this.captcha = captcha;
        this.failures = failures;
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
            failures.onAuthenticationFailure(request, response, new CaptchaNotAnswered());
            return;
        }
        chain.doFilter(request, response);
    }
}
