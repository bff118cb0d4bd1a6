package com.countyleague.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is signed in now, from the sessions kept in PostgreSQL, and forced sign-out. Sessions are
 * named by their internal primary id, never by the session id that the browser holds as its key.
 */
@Service
public class OnlineSessions {

    public record OnlineSession(String reference, String username, String ip, String userAgent,
                                Instant signedInAt, Instant lastActiveAt) {
    }

    private final JdbcClient jdbc;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final Actors actors;
    private final LoginLog loginLog;
    private final Clock clock;

    OnlineSessions(JdbcClient jdbc, FindByIndexNameSessionRepository<? extends Session> sessions, Actors actors,
                   LoginLog loginLog, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.actors = actors;
        this.loginLog = loginLog;
        this.clock = clock;
    }

    private record Row(String primaryId, String sessionId, String principalName, long creationTime, long lastAccessTime) {
    }

    @Transactional(readOnly = true)
    public Page<OnlineSession> list(Pageable pageable) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        long now = clock.millis();
        long total = jdbc.sql("select count(*) from spring_session where principal_name is not null and expiry_time > ?")
                .param(now).query(Long.class).single();
        List<OnlineSession> content = jdbc.sql("""
                        select primary_id, session_id, principal_name, creation_time, last_access_time
                        from spring_session where principal_name is not null and expiry_time > ?
                        order by last_access_time desc limit ? offset ?""")
                .params(now, pageable.getPageSize(), pageable.getOffset())
                .query(Row.class).list().stream()
                .map(this::describe)
                .toList();
        return new PageImpl<>(content, pageable, total);
    }

    private OnlineSession describe(Row row) {
        Session session = sessions.findById(row.sessionId().trim());
        String ip = session == null ? null : session.getAttribute(SessionFlags.CLIENT_IP);
        String agent = session == null ? null : session.getAttribute(SessionFlags.CLIENT_AGENT);
        return new OnlineSession(row.primaryId().trim(), row.principalName(), ip, agent,
                Instant.ofEpochMilli(row.creationTime()), Instant.ofEpochMilli(row.lastAccessTime()));
    }

    /** Ends one session; its owner is asked to sign in again at their next click. */
    @Transactional
    public boolean forceLogout(String reference) {
        Actor actor = actors.current();
        actor.requireRole(Role.COUNTY_ADMIN);
        List<String> owners = jdbc.sql("select principal_name from spring_session where primary_id = ?")
                .param(reference).query(String.class).list();
        if (owners.isEmpty()) {
            return false;
        }
        jdbc.sql("delete from spring_session where primary_id = ?").param(reference).update();
        loginLog.record(owners.get(0), null, LoginLog.Result.FORCED_LOGOUT, "by " + actor.username());
        return true;
    }

    /** Ends every session of an account whose rights or password changed. */
    void endAllOf(String username) {
        endAllOf(username, null);
    }

    /** Ends the oldest sessions of an account beyond {@code most} at once, counting the one being started ({@code kept}). */
    void keepAtMost(String username, int most, String kept) {
        sessions.findByPrincipalName(username).values().stream().filter(s -> !s.getId().equals(kept))
                .sorted(Comparator.comparing(Session::getCreationTime).reversed())
                .skip(Math.max(0, most - 1)).forEach(s -> sessions.deleteById(s.getId()));
    }

    /** Ends every session of the account but the one given: after its owner changed the password in it. */
    void endAllOf(String username, String keptSessionId) {
        sessions.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(keptSessionId))
                .forEach(sessions::deleteById);
    }
}
