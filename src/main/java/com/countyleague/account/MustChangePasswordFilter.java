package com.countyleague.account;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/** Until a password set by someone else is changed, every page leads to the change-password page. */
class MustChangePasswordFilter extends OncePerRequestFilter {

    static final String CHANGE_PAGE = "/me/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (session != null && session.getAttribute(SessionFlags.MUST_CHANGE_PASSWORD) != null && !isAllowed(path)) {
            response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isAllowed(String path) {
        return path.equals(CHANGE_PAGE) || path.equals("/logout") || path.equals("/login") || path.startsWith("/webjars/")
                || path.startsWith("/assets/") || path.startsWith("/error")
                || path.startsWith("/actuator/health");
    }
}
