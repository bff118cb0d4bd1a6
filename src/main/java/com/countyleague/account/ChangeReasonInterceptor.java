package com.countyleague.account;

import java.io.IOException;
import java.net.URI;

import com.countyleague.web.AdminChange;
import com.countyleague.web.Texts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Refuses an {@link AdminChange} without its reason before anything is changed: back to the page it
 * came from, told why; the operation log records the attempt as rejected.
 */
@Component
class ChangeReasonInterceptor implements HandlerInterceptor {

    private final Texts texts;

    ChangeReasonInterceptor(Texts texts) {
        this.texts = texts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws IOException {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(AdminChange.class)) {
            return true;
        }
        String reason = request.getParameter(AdminChange.FIELD);
        if (reason != null && !reason.isBlank() && reason.strip().length() <= AdminChange.MAX_LENGTH) {
            return true;
        }
        OperationLogInterceptor.markRejected(request);
        String back = sameSitePath(request.getHeader("Referer"), request);
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("failure", texts.of("admin.reason.required", new Object[] {AdminChange.MAX_LENGTH}));
        flash.setTargetRequestPath(back);
        RequestContextUtils.getFlashMapManager(request).saveOutputFlashMap(flash, request, response);
        response.sendRedirect(request.getContextPath() + back);
        return false;
    }

    /** The page the form was on, when it is one of ours; the admin home otherwise. */
    private static String sameSitePath(String referer, HttpServletRequest request) {
        try {
            URI uri = referer == null ? null : URI.create(referer);
            if (uri != null && request.getServerName().equals(uri.getHost()) && uri.getRawPath() != null
                    && uri.getRawPath().startsWith(request.getContextPath() + "/")) {
                String path = uri.getRawPath().substring(request.getContextPath().length());
                return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
            }
        } catch (IllegalArgumentException malformed) {
            // falls back below
        }
        return "/admin/";
    }
}
