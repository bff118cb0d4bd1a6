package com.countyleague.orglife;

import static com.countyleague.member.PersonalDataSource.day;
import static com.countyleague.member.PersonalDataSource.text;
import static com.countyleague.member.PersonalDataSource.word;

import java.util.List;

import com.countyleague.member.LeagueRecords;
import com.countyleague.member.PersonalDataSource;
import com.countyleague.member.PersonalDataSource.Section;
import com.countyleague.web.Formats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A member's League year: their recommendations to the Party on their page for staff; and, on their own
 * privacy page, everything this module holds of them — meetings attended, review grades, recommendations, dues.
 */
@Component
class LeagueYearRecords implements LeagueRecords, PersonalDataSource {

    private final JdbcClient jdbc;
    private final Formats formats;

    LeagueYearRecords(JdbcClient jdbc, Formats formats) {
        this.jdbc = jdbc;
        this.formats = formats;
    }

    @Override
    public List<Section> sectionsFor(long personId) {
        return List.of(recommendations(personId), study(personId));
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<Section> about(long personId) {
        return List.of(meetings(personId), grades(personId), recommendations(personId), dues(personId), study(personId));
    }

    private Section study(long personId) {
        return new Section("study.completed", List.of("study.col.period", "study.col.week"), jdbc.sql("""
                        select p.title, p.starts_on from study_completion c join study_period p on p.id = c.period_id
                        where c.person_id = ? order by p.starts_on desc""")
                .param(personId)
                .query((rs, n) -> List.of(text(rs.getString(1)), text(rs.getDate(2))))
                .list());
    }

    private Section recommendations(long personId) {
        return new Section("recommendation.title", List.of("recommendation.col.nominated", "recommendation.col.reason",
                "recommendation.col.meeting", "recommendation.col.status", "recommendation.col.outcome"), jdbc.sql("""
                        select r.nominated_on, r.reason, m.held_on, r.status, r.outcome, r.outcome_on
                        from party_recommendation r left join org_meeting m on m.id = r.meeting_id
                        where r.person_id = ? order by r.id desc""")
                .param(personId)
                .query((rs, n) -> List.of(text(rs.getDate(1)), text(rs.getString(2)), text(rs.getDate(3)),
                        word("recommendation.status.", rs.getString(4)),
                        rs.getString(5) == null ? text(null) : word("recommendation.outcome.", rs.getString(5))))
                .list());
    }

    private Section meetings(long personId) {
        return new Section("meeting.attended", List.of("meeting.held-on", "meeting.kind", "meeting.topic", "meeting.branch"), jdbc.sql("""
                        select m.held_on, m.kind, m.topic, o.name from org_meeting_attendee a join org_meeting m on m.id = a.meeting_id
                        join organization o on o.id = m.organization_id where a.person_id = ? order by m.held_on desc""")
                .param(personId)
                .query((rs, n) -> List.of(text(rs.getDate(1)), word("meeting.kind.", rs.getString(2)), text(rs.getString(3)), text(rs.getString(4))))
                .list());
    }

    private Section grades(long personId) {
        return new Section("review.title", List.of("meeting.year", "review.grade", "review.col.status"), jdbc.sql("""
                        select r.year, g.grade, r.status from review_grade g join review_round r on r.id = g.round_id
                        where g.person_id = ? order by r.year desc""")
                .param(personId)
                .query((rs, n) -> List.of(text(rs.getInt(1)), rs.getString(2) == null ? word("review.grade.", "none")
                        : word("review.grade.", rs.getString(2)), word("review.status.", rs.getString(3))))
                .list());
    }

    private Section dues(long personId) {
        return new Section("dues.title", List.of("dues.month", "dues.monthly", "privacy.col.at"), jdbc.sql("""
                        select to_char(month, 'YYYY-MM'), amount_fen, recorded_at from dues_payment where person_id = ? order by month desc""")
                .param(personId)
                .query((rs, n) -> List.of(text(rs.getString(1)), text(formats.yuan(rs.getInt(2))), day(formats, rs.getTimestamp(3))))
                .list());
    }
}
