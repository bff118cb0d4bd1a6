package com.countyleague.account;

import java.time.Clock;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.countyleague.web.Unattributed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Writes every write request (anything but GET, HEAD and OPTIONS) to the operation log once it has
 * been answered: who, from which organisation, which action and URL, the parameters with secrets
 * masked, the result and how long it took. A form shown again with errors counts as REJECTED.
 */
@Component
class OperationLogInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(OperationLogInterceptor.class);
    private static final String STARTED = OperationLogInterceptor.class.getName() + ".started";
    private static final String REDISPLAYED = OperationLogInterceptor.class.getName() + ".redisplayed";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|secret|token|csrf|credential|idnumber|id_number).*");

    private final OperationLog operationLog;
    private final Actors actors;
    private final OrganizationDirectory organizations;
    private final Clock clock;

    OperationLogInterceptor(OperationLog operationLog, Actors actors, OrganizationDirectory organizations, Clock clock) {
        this.operationLog = operationLog;
        this.actors = actors;
        this.organizations = organizations;
        this.clock = clock;
    }

    /** A write refused before its handler ran, to be logged as REJECTED. */
    static void markRejected(HttpServletRequest request) {
        request.setAttribute(REDISPLAYED, Boolean.TRUE);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isWrite(request)) {
            request.setAttribute(STARTED, System.nanoTime());
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view != null && view.getViewName() != null && !view.getViewName().startsWith("redirect:")) {
            request.setAttribute(REDISPLAYED, Boolean.TRUE);
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(request.getAttribute(STARTED) instanceof Long started)) {
            return;
        }
        try {
            long durationMs = (System.nanoTime() - started) / 1_000_000;
            // an author who may be anonymous leaves no name, unit, address or parameters behind
            boolean unattributed = Unattributed.isMarked(request);
            Actor actor = unattributed ? null : actors.currentOrNull();
            String organizationName = actor == null || actor.organizationId() == null ? null
                    : organizations.find(actor.organizationId()).map(OrganizationDirectory.OrganizationRef::name).orElse(null);
            OperationRecord.Result result = ex != null || response.getStatus() >= 400 ? OperationRecord.Result.FAILURE
                    : request.getAttribute(REDISPLAYED) != null ? OperationRecord.Result.REJECTED
                    : OperationRecord.Result.SUCCESS;
            operationLog.record(new OperationRecord(clock.instant(),
                    actor == null ? "anonymous" : actor.username(),
                    actor == null ? null : actor.organizationId(), organizationName,
                    action(handler), request.getMethod(), request.getRequestURI(), unattributed ? "" : parameters(request.getParameterMap()),
                    result, status(response, ex),
                    ex == null ? null : ex.getClass().getSimpleName() + ": " + ex.getMessage(),
                    durationMs, unattributed ? null : request.getRemoteAddr()));
        } catch (RuntimeException e) {
            // the answer has gone out already; a log that cannot be written must not turn it into an error
            log.error("Could not write the operation log for {} {}", request.getMethod(), request.getRequestURI(), e);
        }
    }

    static String parameters(Map<String, String[]> parameters) {
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach((name, values) -> {
            for (String value : values) {
                joined.add(name + "=" + (SECRET.matcher(name).matches() ? "******" : value));
            }
        });
        return joined.toString();
    }

    /** The status the caller will see: an exception still unanswered here becomes 403 or 500. */
    private static int status(HttpServletResponse response, Exception ex) {
        if (ex == null || response.getStatus() >= 400) {
            return response.getStatus();
        }
        return ex instanceof AccessDeniedException ? 403 : 500;
    }

    private static String action(Object handler) {
        return handler instanceof HandlerMethod method
                ? method.getBeanType().getSimpleName() + "." + method.getMethod().getName()
                : String.valueOf(handler);
    }

    private static boolean isWrite(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
    }
}
