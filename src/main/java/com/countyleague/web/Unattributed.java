package com.countyleague.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks a request whose author must not be written down: a member acting on a residents' issue they
 * may have reported anonymously. The operation log then records the action without who, from where
 * or with what.
 */
public final class Unattributed {

    private static final String ATTRIBUTE = Unattributed.class.getName();

    private Unattributed() {
    }

    public static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    public static boolean isMarked(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) != null;
    }
}
