package com.countyleague.activity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.countyleague.account.Reach;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisational-life activities (组织生活) a unit hosted, with who checked in: what a branch's meeting
 * record in the League year takes its attendance from, so that nobody ticks by hand who already scanned in.
 */
@Service
public class OrganisationalLife {

    /** An activity held, and the people whose presence stands (checked in, not revoked). */
    public record Held(long id, String title, Instant startsAt, Set<Long> present) {
    }

    private final Reach reach;
    private final JdbcClient jdbc;

    OrganisationalLife(Reach reach, JdbcClient jdbc) {
        this.reach = reach;
        this.jdbc = jdbc;
    }

    /** The published organisational-life activities a unit in reach hosted that started in a period, newest first. */
    @Transactional(readOnly = true)
    public List<Held> hostedBy(long organizationId, Instant from, Instant to) {
        reach.requireOrganization(organizationId);
        Map<Long, Held> held = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.title, a.starts_at, t.person_id from activity a
                        left join attendance t on t.activity_id = a.id and t.revoked_at is null
                        where a.host_org_id = ? and a.type = 'ORGANISATIONAL_LIFE' and a.status = 'PUBLISHED'
                          and a.starts_at >= ? and a.starts_at < ?
                        order by a.starts_at desc, a.id desc""")
                .params(organizationId, Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    String title = rs.getString(2);
                    Instant startsAt = rs.getTimestamp(3).toInstant();
                    Held activity = held.computeIfAbsent(rs.getLong(1), id -> new Held(id, title, startsAt, new HashSet<>()));
                    long person = rs.getLong(4);
                    if (!rs.wasNull()) {
                        activity.present().add(person);
                    }
                });
        return List.copyOf(held.values());
    }
}
