package com.countyleague.account;

import java.time.Instant;

import com.countyleague.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The session store writes a session's last access time back only once it moved by a minute; everything else at once. */
@IntegrationTest
class SessionStoreTests {

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> repository;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aClickWithinAMinuteOfTheStoredAccessWritesNothingAndALaterOneMovesAccessAndExpiry() {
        Session created = sessions().createSession();
        Instant first = created.getLastAccessedTime();
        sessions().save(created);

        Session soon = sessions().findById(created.getId());
        soon.setLastAccessedTime(first.plusSeconds(59));
        sessions().save(soon);
        assertThat(stored(created.getId(), "last_access_time")).isEqualTo(first.toEpochMilli());

        Session later = sessions().findById(created.getId());
        later.setLastAccessedTime(first.plusSeconds(61));
        sessions().save(later);
        assertThat(stored(created.getId(), "last_access_time")).isEqualTo(first.plusSeconds(61).toEpochMilli());
        assertThat(stored(created.getId(), "expiry_time"))
                .isEqualTo(first.plusSeconds(61).plus(later.getMaxInactiveInterval()).toEpochMilli());
    }

    @Test
    void twoRequestsOfOneSessionStoringTheSameNewAttributeAtOnceBothSucceedAndTheLaterWins() {
        Session created = sessions().createSession();
        sessions().save(created);
        SessionStore.Repository.SAVED.remove();
        // the page and the offline app's worker, right after sign-in, each make the CSRF token
        Session page = sessions().findById(created.getId());
        Session worker = sessions().findById(created.getId());
        page.setAttribute("token", "page");
        worker.setAttribute("token", "worker");
        sessions().save(page);
        sessions().save(worker);
        SessionStore.Repository.SAVED.remove();
        assertThat((String) sessions().findById(created.getId()).getAttribute("token")).isEqualTo("worker");
    }

    @Test
    void signingInWritesTheNewSessionIdAndTheUserAtOnce() {
        Session created = sessions().createSession();
        sessions().save(created);
        String anonymousId = created.getId();

        Session signingIn = sessions().findById(anonymousId);
        signingIn.setLastAccessedTime(signingIn.getLastAccessedTime().plusSeconds(1));
        String signedInId = signingIn.changeSessionId();
        signingIn.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "session-store");
        sessions().save(signingIn);

        assertThat(sessions().findById(anonymousId)).isNull();
        assertThat(sessions().findById(signedInId)).isNotNull();
        assertThat(jdbc.sql("select principal_name from spring_session where session_id = ?").param(signedInId)
                .query(String.class).single()).isEqualTo("session-store");
    }

    @Test
    void theLookupRightAfterASaveIsAnsweredWithTheSavedSessionAndOnlyThatOne() {
        Session saved = sessions().createSession();
        sessions().save(saved);
        assertThat(sessions().findById(saved.getId())).isSameAs(saved);

        sessions().save(saved);
        Session other = sessions().createSession();
        assertThat(sessions().findById(other.getId())).isNull();
        Session again = sessions().findById(saved.getId());
        assertThat(again).isNotSameAs(saved);
        assertThat(again.getId()).isEqualTo(saved.getId());
    }

    private long stored(String sessionId, String column) {
        return jdbc.sql("select " + column + " from spring_session where session_id = ?").param(sessionId).query(Long.class).single();
    }

    @SuppressWarnings("unchecked")
    private SessionRepository<Session> sessions() {
        return (SessionRepository<Session>) repository;
    }
}
