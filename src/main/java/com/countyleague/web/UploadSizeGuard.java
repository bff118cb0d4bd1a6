package com.countyleague.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload announcing more than the file limit is turned away before anything reads it — before the
 * CSRF check, which would make the container parse the whole body to find its token and answer with
 * a bare error page of its own. The browser is sent to a page that says what the limit is.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class UploadSizeGuard extends OncePerRequestFilter {

    static final String PAGE = "/upload-too-large";

    private final DataSize maxFileSize;

    UploadSizeGuard(@Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
        this.maxFileSize = maxFileSize;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxFileSize.toBytes()) {
            // the rest of the body is swallowed by the container (server.tomcat.max-swallow-size), so the browser reads this
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The page the guard sends to: 413 with the limit, in the user's language. */
    @Controller
    static class Page {

        private final Texts texts;
        private final DataSize maxFileSize;

        Page(Texts texts, @Value("${spring.servlet.multipart.max-file-size}") DataSize maxFileSize) {
            this.texts = texts;
            this.maxFileSize = maxFileSize;
        }

        @GetMapping(PAGE)
        ModelAndView tooLarge() {
            ModelAndView page = new ModelAndView("error/4xx", HttpStatus.CONTENT_TOO_LARGE);
            page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
            page.addObject("reason", texts.of("upload.too-large", new Object[] {maxFileSize.toMegabytes() + " MB"}));
            return page;
        }
    }
}
