package com.countyleague.activity;

import java.util.List;

import com.countyleague.member.PersonalDataSource;
import com.countyleague.web.Formats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static com.countyleague.member.PersonalDataSource.text;
import static com.countyleague.member.PersonalDataSource.time;
import static com.countyleague.member.PersonalDataSource.word;

/** A person's sign-ups and attendance (check-in, check-out, minutes of service), for their privacy page. */
@Component
class ActivityPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;
    private final Formats formats;

    ActivityPersonalData(JdbcClient jdbc, Formats formats) {
        this.jdbc = jdbc;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<Section> about(long personId) {
        return List.of(new Section("privacy.activities", List.of("privacy.col.activity", "privacy.col.starts", "privacy.col.signup",
                "privacy.col.checked-in", "privacy.col.checked-out", "privacy.col.minutes"), jdbc.sql("""
                        select a.title, a.starts_at, s.status, t.checked_in_at, t.checked_out_at,
                               case when t.revoked_at is null then t.service_minutes end
                        from activity a
                        left join activity_signup s on s.activity_id = a.id and s.person_id = :person
                        left join attendance t on t.activity_id = a.id and t.person_id = :person
                        where s.id is not null or t.id is not null
                        order by a.starts_at desc""")
                .param("person", personId)
                .query((rs, n) -> List.of(text(rs.getString(1)), time(formats, rs.getTimestamp(2)),
                        word("activity.signup.", rs.getString(3)), time(formats, rs.getTimestamp(4)), time(formats, rs.getTimestamp(5)),
                        text(rs.getObject(6))))
                .list()));
    }
}
