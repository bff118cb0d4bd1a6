package com.countyleague.points;

import java.util.List;

import com.countyleague.member.PersonalDataSource;
import com.countyleague.web.Formats;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static com.countyleague.member.PersonalDataSource.text;
import static com.countyleague.member.PersonalDataSource.time;
import static com.countyleague.member.PersonalDataSource.word;

/** A person's points entries and redemptions, for their privacy page. */
@Component
class PointsPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;
    private final Formats formats;

    PointsPersonalData(JdbcClient jdbc, Formats formats) {
        this.jdbc = jdbc;
        this.formats = formats;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<Section> about(long personId) {
        Section entries = new Section("privacy.points", List.of("privacy.col.day", "privacy.col.kind", "privacy.col.amount",
                "privacy.col.balance", "privacy.col.reason"), jdbc.sql("""
                        select action_day, kind, amount, balance_after, reason from points_entry
                        where person_id = ? order by id desc""")
                .param(personId)
                .query((rs, n) -> List.of(text(rs.getDate(1).toLocalDate()), word("points.kind.", rs.getString(2)),
                        text(rs.getInt(3)), text(rs.getInt(4)), text(rs.getString(5))))
                .list());
        Section redemptions = new Section("privacy.redemptions", List.of("privacy.col.reward", "privacy.col.cost",
                "privacy.col.status", "privacy.col.at"), jdbc.sql("""
                        select i.name, r.cost, r.status, r.created_at from redemption r join reward_item i on i.id = r.item_id
                        where r.person_id = ? order by r.created_at desc""")
                .param(personId)
                .query((rs, n) -> List.of(text(rs.getString(1)), text(rs.getInt(2)), word("redemption.status.", rs.getString(3)),
                        time(formats, rs.getTimestamp(4))))
                .list());
        return List.of(entries, redemptions);
    }
}
