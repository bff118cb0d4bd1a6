package com.countyleague.group;

import java.util.List;

import com.countyleague.member.PersonalDataSource;
import com.countyleague.web.Formats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static com.countyleague.member.PersonalDataSource.day;
import static com.countyleague.member.PersonalDataSource.text;
import static com.countyleague.member.PersonalDataSource.word;

/** A person's group memberships, past and present, for their privacy page. */
@Component
class GroupPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;
    private final Formats formats;

    GroupPersonalData(JdbcClient jdbc, Formats formats) {
        this.jdbc = jdbc;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Section> about(long personId) {
        return List.of(new Section("privacy.groups", List.of("privacy.col.group", "privacy.col.role", "privacy.col.status",
                "privacy.col.from", "privacy.col.to"), jdbc.sql("""
                        select g.name, m.role, m.status, coalesce(m.joined_at, m.requested_at), m.ended_at
                        from group_membership m join community_group g on g.id = m.group_id
                        where m.person_id = ? order by m.requested_at desc""")
                .param(personId)
                .query((rs, n) -> List.of(text(rs.getString(1)), rs.getString(2) == null ? word("group.role.", "none")
                                : word("group.role.", rs.getString(2)), word("group.membership.", rs.getString(3)),
                        day(formats, rs.getTimestamp(4)), day(formats, rs.getTimestamp(5))))
                .list()));
    }
}
