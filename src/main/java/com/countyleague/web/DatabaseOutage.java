package com.countyleague.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * While PostgreSQL is out of reach every request fails somewhere — loading the session, opening a
 * transaction, drawing the page's badge. Outermost of all filters, this answers any such failure with
 * 503: a page in the user's language that needs nothing from the database, or a problem document for
 * the JSON API. A failed request has rolled back whatever it began; when the database returns, the
 * connection pool reconnects by itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutage extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

    private final MessageSource messages;
    private final LocaleResolver locales;

    DatabaseOutage(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!isOutage(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unreachable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(), e.toString());
            answer(request, response);
        }
    }

    /** Whether the failure is the database being out of reach, not a fault of the request. */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            // SQLSTATE class 08 is a connection exception, 57P01–57P03 a server shutting down or starting; a rollback
            // on a connection the pool has just found broken says only that it is closed (and hides what broke it)
            if (t instanceof SQLException sql && ((sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0")))
                    || (sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())))) {
                return true;
            }
        }
        return false;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = locales.resolveLocale(request);
        String title = messages.getMessage("outage.title", null, locale);
        String text = messages.getMessage("outage.text", null, locale);
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "30");
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding("UTF-8");
        PrintWriter out = response.getWriter();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            out.printf("{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":503,\"detail\":\"%s\",\"instance\":\"%s\"}",
                    json(title), json(text), json(request.getRequestURI()));
        } else {
            response.setContentType("text/html");
            out.printf("""
                    <!DOCTYPE html>
                    <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>%s</title><link rel="stylesheet" href="%s/webjars/bootstrap/css/bootstrap.min.css"></head>
                    <body><main class="container py-5 text-center"><h1 class="h3">%s</h1><p class="lead" id="outage">%s</p>
                    <a class="btn btn-primary" href="%s">%s</a></main></body></html>
                    """, locale.getLanguage(), esc(title), request.getContextPath(), esc(title), esc(text),
                    esc(retry(request)), esc(messages.getMessage("outage.retry", null, locale)));
        }
        out.flush();
    }

    /** The page asked for again, or home after a form: a form's data is gone and is typed again. */
    private static String retry(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return request.getContextPath() + "/";
        }
        return request.getQueryString() == null ? request.getRequestURI() : request.getRequestURI() + "?" + request.getQueryString();
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
