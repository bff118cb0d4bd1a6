package com.countyleague.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.countyleague.account.Reach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 团籍注册: each year a League member is registered when the committee approves their branch's review
 * with a grade of 基本合格 or better, and not registered otherwise. The state shows on the member's page
 * and filters the ledger list.
 */
@Service
public class Registrations {

    public record Registration(int year, boolean registered, ReviewGrade grade, Instant decidedAt) {
    }

    private final Reach reach;
    private final JdbcClient jdbc;
    private final Clock clock;

    Registrations(Reach reach, JdbcClient jdbc, Clock clock) {
        this.reach = reach;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Registers the graded members for the year by their grades, in the caller's transaction: called when
     * a review round is approved. Each person must be in the caller's reach; a year is decided once.
     */
    @Transactional
    public void decide(int year, Map<Long, ReviewGrade> grades) {
        grades.keySet().forEach(id -> reach.require(Reach.Target.PERSON, id));
        Timestamp now = Timestamp.from(clock.instant());
        grades.forEach((personId, grade) -> jdbc.sql("""
                        insert into league_registration (person_id, year, registered, grade, decided_at) values (?, ?, ?, ?, ?)""")
                .params(personId, year, grade.registers(), grade.name(), now).update());
    }

    /** A person's registrations, newest year first. */
    @Transactional(readOnly = true)
    public List<Registration> of(long personId) {
        reach.require(Reach.Target.PERSON, personId);
        return jdbc.sql("select year, registered, grade, decided_at from league_registration where person_id = ? order by year desc")
                .param(personId)
                .query((rs, n) -> new Registration(rs.getInt(1), rs.getBoolean(2), ReviewGrade.valueOf(rs.getString(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** Which of these people are registered for the year. */
    @Transactional(readOnly = true)
    public Set<Long> registeredAmong(Collection<Long> personIds, int year) {
        return Set.copyOf(jdbc.sql("select person_id from league_registration where person_id = any(?) and year = ? and registered")
                .params(personIds.toArray(Long[]::new), year).query(Long.class).list());
    }

    /** Whether the person is registered for the year. */
    @Transactional(readOnly = true)
    public boolean registered(long personId, int year) {
        return jdbc.sql("select exists (select 1 from league_registration where person_id = ? and year = ? and registered)")
                .params(personId, year).query(Boolean.class).single();
    }
}
