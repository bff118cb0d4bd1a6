package com.countyleague.member;

import com.countyleague.web.Figures;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's ledgers: active League members and youth of a subtree, by age band, new this month,
 * backbones (from the ledger summaries, as of their last refresh); and what waits: transfers to accept,
 * League members turning 28 this quarter (live).
 */
@Component
class LedgerFigures implements Figures {

    /** Age bands, the League's own up to 28 and the youth ledger's beyond: [from, to] in whole years. */
    private static final int[][] AGE_BANDS = {{14, 18}, {19, 22}, {23, 25}, {26, 28}, {29, 35}, {36, 200}};

    /** The age at which League membership ends (团员年龄上限). */
    private static final int LEAGUE_AGE_LIMIT = 28;

    private final JdbcClient jdbc;

    LedgerFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Contribution figures(Scope scope) {
        // one pass over the summary: persons and backbones per ledger and age, summed into the tiles and the bands
        long[][] byBand = new long[AGE_BANDS.length][2];
        long[] totals = new long[3];
        jdbc.sql("""
                        select s.ledger, s.age, sum(s.persons), sum(s.backbones)
                        from ledger_summary s
                        where s.path like :path || '%' group by 1, 2
                        """)
                .param("path", scope.path())
                .query(rs -> {
                    int ledger = "LEAGUE_MEMBER".equals(rs.getString(1)) ? 0 : 1;
                    int age = rs.getInt(2);
                    totals[ledger] += rs.getLong(3);
                    totals[2] += rs.getLong(4);
                    for (int band = 0; band < AGE_BANDS.length; band++) {
                        if (age >= AGE_BANDS[band][0] && age <= AGE_BANDS[band][1]) {
                            byBand[band][ledger] += rs.getLong(3);
                        }
                    }
                });
        LocalDate quarter = scope.today().withDayOfMonth(1).withMonth((scope.today().getMonthValue() - 1) / 3 * 3 + 1);
        long[] more = jdbc.sql("""
                        select (select count(*) from transfer_request t join organization o on o.id = t.to_org_id
                                where t.status = 'PENDING' and o.path like :path || '%'),
                               -- a quarter's birth cohort is a few hundred people: their units looked up one by one
                               (select count(*) from person p
                                where p.status = 'ACTIVE' and p.ledger = 'LEAGUE_MEMBER' and p.birth_date >= :bornFrom
                                  and p.birth_date < :bornTo
                                  and (select u.path from organization u where u.id = p.organization_id) like :path || '%'),
                               (select coalesce(sum(n.persons) filter (where n.ledger = 'LEAGUE_MEMBER'), 0)
                                from ledger_new_summary n
                                where n.path like :path || '%' and n.month = :month),
                               (select coalesce(sum(n.persons) filter (where n.ledger = 'YOUTH'), 0)
                                from ledger_new_summary n
                                where n.path like :path || '%' and n.month = :month)
                        """)
                .param("path", scope.path()).param("month", Date.valueOf(scope.monthStart()))
                .param("bornFrom", Date.valueOf(quarter.minusYears(LEAGUE_AGE_LIMIT)))
                .param("bornTo", Date.valueOf(quarter.plusMonths(3).minusYears(LEAGUE_AGE_LIMIT)))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        String list = "/admin/people?under=" + scope.organizationId();
        List<Tile> tiles = List.of(
                new Tile(Area.TO_DO, "dashboard.todo.transfers", more[0], "/admin/people/transfers"),
                new Tile(Area.TO_DO, "dashboard.todo.turning-28", more[1], list + "&ledger=LEAGUE_MEMBER&ageFrom=27&ageTo=27&sort=AGE_DESC"),
                new Tile(Area.LEDGERS, "member.ledger.LEAGUE_MEMBER", totals[0], list + "&ledger=LEAGUE_MEMBER"),
                new Tile(Area.LEDGERS, "member.ledger.YOUTH", totals[1], list + "&ledger=YOUTH"),
                new Tile(Area.LEDGERS, "dashboard.people.new-members", more[2], list + "&ledger=LEAGUE_MEMBER&sort=NEWEST"),
                new Tile(Area.LEDGERS, "dashboard.people.new-youth", more[3], list + "&ledger=YOUTH&sort=NEWEST"),
                new Tile(Area.LEDGERS, "dashboard.people.backbones", totals[2], list + "&backbone=true"));
        List<Row> rows = new ArrayList<>();
        for (int band = 0; band < AGE_BANDS.length; band++) {
            int from = AGE_BANDS[band][0];
            int to = AGE_BANDS[band][1];
            boolean open = to >= 200;
            rows.add(new Row(open ? from + "+" : from + "–" + to, false, List.of(byBand[band][0], byBand[band][1]),
                    "/admin/people?under=" + scope.organizationId() + "&ageFrom=" + from + (open ? "" : "&ageTo=" + to)));
        }
        return new Contribution(tiles, List.of(new Table(Area.LEDGERS, "age-bands", "dashboard.people.by-age", "bar",
                List.of("member.ledger.LEAGUE_MEMBER", "member.ledger.YOUTH"), rows)));
    }

    @Override
    public void refresh() {
        jdbc.sql("refresh materialized view concurrently ledger_summary").update();
        jdbc.sql("refresh materialized view concurrently ledger_new_summary").update();
    }
}
