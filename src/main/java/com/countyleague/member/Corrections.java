package com.countyleague.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.Reach;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's request to correct what the ledger holds about them (PIPL's right to correction): it
 * goes to the staff reaching their unit, who correct the ledger as usual and close the request, or
 * decline it saying why; the member is told either way.
 */
@Service
public class Corrections {

    public enum Field { NAME, MOBILE, BIRTH_DATE, WORKPLACE, EDUCATION, PLACE, OTHER }

    public enum Status { OPEN, DONE, DECLINED }

    public record Request(long id, long personId, String personName, long organizationId, String unitName, Field field,
                          String wanted, Status status, String answer, Instant createdAt, Instant answeredAt) {
    }

    private static final int MAX_TEXT = 200;

    private final JdbcClient jdbc;
    private final Actors actors;
    private final Reach reach;
    private final Notifications notifications;
    private final Clock clock;

    Corrections(JdbcClient jdbc, Actors actors, Reach reach, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.actors = actors;
        this.reach = reach;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** The signed-in member asks for a field of their record to be corrected. */
    @Transactional
    public void ask(Field field, String wanted) {
        long personId = actors.current().requirePerson();
        if (field == null) {
            throw new RuleViolationException("field", "validation.required");
        }
        if (wanted == null || wanted.isBlank()) {
            throw new RuleViolationException("wanted", "validation.required");
        }
        if (wanted.strip().length() > MAX_TEXT) {
            throw new RuleViolationException("wanted", "privacy.correction.too-long", MAX_TEXT);
        }
        jdbc.sql("""
                        insert into correction_request (person_id, organization_id, field, wanted, status, created_at)
                        select id, organization_id, ?, ?, 'OPEN', ? from person where id = ?""")
                .params(field.name(), wanted.strip(), Timestamp.from(clock.instant()), personId).update();
    }

    /** Open requests of the people in the caller's reach, oldest first. */
    @Transactional(readOnly = true)
    public List<Request> open() {
        Actor actor = actors.current();
        actor.requireStaff();
        return query("o.path like :prefix || '%' and c.status = 'OPEN' order by c.created_at", "prefix", actor.scopePrefix());
    }

    /** The member's own requests, newest first. */
    List<Request> of(long personId) {
        return query("c.person_id = :person order by c.created_at desc", "person", personId);
    }

    /** Closes a request of a person in the caller's reach: done, or declined with the reason. */
    @Transactional
    public void answer(long id, boolean done, String answer) {
        Actor actor = actors.current();
        actor.requireStaff();
        Request request = query("c.id = :id", "id", id).stream().findFirst().orElseThrow(() -> new NotFoundException("correction", id));
        reach.requireOrganization(request.organizationId());
        if (request.status() != Status.OPEN) {
            throw RuleViolationException.of("privacy.correction.closed");
        }
        String reason = answer == null || answer.isBlank() ? null : answer.strip();
        if (!done && reason == null) {
            throw new RuleViolationException("answer", "privacy.correction.why");
        }
        if (reason != null && reason.length() > MAX_TEXT) {
            throw new RuleViolationException("answer", "privacy.correction.too-long", MAX_TEXT);
        }
        jdbc.sql("""
                        update correction_request set status = ?, answer = ?, answered_by = ?, answered_at = ?
                        where id = ? and status = 'OPEN'""")
                .params(done ? "DONE" : "DECLINED", reason, actor.username(), Timestamp.from(clock.instant()), id).update();
        notifications.tell(request.personId(), done ? "privacy.correction.done" : "privacy.correction.declined", "/me/privacy",
                reason == null ? "" : reason);
    }

    private List<Request> query(String where, String name, Object value) {
        return jdbc.sql("""
                        select c.id, c.person_id, p.name, c.organization_id, o.name, c.field, c.wanted, c.status, c.answer,
                               c.created_at, c.answered_at
                        from correction_request c join person p on p.id = c.person_id join organization o on o.id = c.organization_id
                        where """ + " " + where)
                .param(name, value)
                .query((rs, n) -> new Request(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        Field.valueOf(rs.getString(6)), rs.getString(7), Status.valueOf(rs.getString(8)), rs.getString(9),
                        rs.getTimestamp(10).toInstant(), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()))
                .list();
    }
}
