package com.countyleague.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL. Spring Session writes a session's last access time back after every
 * request, so every page view, even a read, updated a row and waited for the commit to reach the disk.
 * Here that write only happens when something else changed (the session id at sign-in, the signed-in
 * user, the timeout) or the last access lies a minute or more back: idle sessions then end between 29
 * and 30 minutes after the last click instead of at 30, and the online list's "last active" is exact to
 * the minute.
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

    // Spring Session's parameters, in its order: session id, last access, timeout, expiry, principal, primary id.
    // 60000: the milliseconds the stored last access time may lag behind.
    static final String UPDATE_SESSION_QUERY = """
            UPDATE %TABLE_NAME% S
            SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL,
                EXPIRY_TIME = V.EXPIRY_TIME, PRINCIPAL_NAME = V.PRINCIPAL_NAME
            FROM (VALUES (CAST(? AS CHAR(36)), CAST(? AS BIGINT), CAST(? AS INT), CAST(? AS BIGINT), CAST(? AS VARCHAR(100)),
                          CAST(? AS CHAR(36))))
                AS V (SESSION_ID, LAST_ACCESS_TIME, MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME, PRIMARY_ID)
            WHERE S.PRIMARY_ID = V.PRIMARY_ID
              AND (S.SESSION_ID <> V.SESSION_ID
                   OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
                   OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
                   OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= 60000)
            """;

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> fewerSessionWrites() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
    }
}
