package com.countyleague.volunteer;

import java.util.List;

import com.countyleague.member.PersonalDataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static com.countyleague.member.PersonalDataSource.text;
import static com.countyleague.member.PersonalDataSource.word;

/** A person's roster shifts and the minutes of service they were credited, for their privacy page. */
@Component
class VolunteerPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    VolunteerPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<Section> about(long personId) {
        return List.of(new Section("privacy.shifts", List.of("privacy.col.post", "privacy.col.day", "privacy.col.status", "privacy.col.minutes"),
                jdbc.sql("""
                                select p.name, s.day, s.status, s.service_minutes from volunteer_shift s
                                join volunteer_post p on p.id = s.post_id where s.person_id = ? order by s.day desc, s.slot_no""")
                        .param(personId)
                        .query((rs, n) -> List.of(text(rs.getString(1)), text(rs.getDate(2).toLocalDate()),
                                word("shift.status.", rs.getString(3)), text(rs.getObject(4))))
                        .list()));
    }
}
