package com.countyleague.account;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC), which cost every request, even a read, four round
 * trips beyond its own work: an UPDATE of the last access time with its commit, and, after that save,
 * a second lookup of the same session with its commit (Spring Session's filter asks the store again
 * whether the session it just saved exists, to decide on the cookie: spring-session issue 1731).
 * The store here wraps Spring Session's JDBC repository so that
 * <ul>
 * <li>the last access time is only written back once it moved by a minute: idle sessions end between
 * 29 and 30 minutes after the last click, and the online list's "last active" is exact to the minute;</li>
 * <li>the lookup that follows a save within the same request is answered with the session just saved.</li>
 * </ul>
 * Everything else (attributes, a new id at sign-in, invalidation) is written as before.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    static final Duration ACCESS_PRECISION = Duration.ofMinutes(1);

    // Boot's session configuration stays in charge of the JDBC repository (table, timeout, clean-up);
    // the repository is wrapped once built rather than replaced, which would switch that configuration off.
    /**
     * Two requests of one session that each store the same new attribute at once (the page and the
     * offline app's worker after sign-in both make the CSRF token) would have one of them fail on the
     * attribute's key: PostgreSQL's upsert lets the later one win instead.
     */
    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer concurrentAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    @Bean
    static BeanPostProcessor sessionStoreWrapper() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new Repository(jdbc) : bean;
            }
        };
    }

    /**
     * Forgets the session a request saved when the request ends, outside Spring Session's filter, for
     * every kind of dispatch the session filter sees (an error page saves the session too).
     */
    @Bean
    FilterRegistrationBean<Filter> sessionStoreRequestEnd() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
            try {
                chain.doFilter(request, response);
            } finally {
                Repository.SAVED.remove();
            }
        });
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    static final class Repository implements FindByIndexNameSessionRepository<StoredSession> {

        /** The session this thread's request saved last: the answer to the lookup that follows the save. */
        static final ThreadLocal<StoredSession> SAVED = new ThreadLocal<>();

        private final FindByIndexNameSessionRepository<Session> jdbc;

        @SuppressWarnings({"unchecked", "rawtypes"})
        Repository(JdbcIndexedSessionRepository jdbc) {
            this.jdbc = (FindByIndexNameSessionRepository) jdbc;
        }

        @Override
        public StoredSession createSession() {
            return new StoredSession(jdbc.createSession());
        }

        @Override
        public void save(StoredSession session) {
            jdbc.save(session.stored);
            SAVED.set(session);
        }

        @Override
        public StoredSession findById(String id) {
            StoredSession saved = SAVED.get();
            SAVED.remove();
            if (saved != null && saved.getId().equals(id)) {
                return saved;
            }
            Session found = jdbc.findById(id);
            return found == null ? null : new StoredSession(found);
        }

        @Override
        public void deleteById(String id) {
            SAVED.remove();
            jdbc.deleteById(id);
        }

        @Override
        public Map<String, StoredSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            Map<String, StoredSession> found = new LinkedHashMap<>();
            jdbc.findByIndexNameAndIndexValue(indexName, indexValue).forEach((id, session) -> found.put(id, new StoredSession(session)));
            return found;
        }
    }

    /** A stored session whose last access time moves in steps of a minute. */
    static final class StoredSession implements Session {

        private final Session stored;

        StoredSession(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (Duration.between(stored.getLastAccessedTime(), lastAccessedTime).compareTo(ACCESS_PRECISION) >= 0) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
