package com.countyleague.member;

import com.countyleague.web.Figures;

import java.sql.Date;
import java.time.Clock;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dashboard's ledgers: active League members and youth of a subtree, by age band, new this month, backbones. */
@Component
class LedgerFigures implements Figures {

    /** Age bands, the League's own up to 28 and the youth ledger's beyond: [from, to] in whole years. */
    private static final int[][] AGE_BANDS = {{14, 18}, {19, 22}, {23, 25}, {26, 28}, {29, 35}, {36, 200}};

    /** The age at which League membership ends (团员年龄上限). */
    private static final int LEAGUE_AGE_LIMIT = 28;

    private final JdbcClient jdbc;
    private final Clock clock;

    LedgerFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Tile> tiles(Scope scope) {
        long[] counts = jdbc.sql("""
                        select count(*) filter (where p.ledger = 'LEAGUE_MEMBER'),
                               count(*) filter (where p.ledger = 'YOUTH'),
                               count(*) filter (where p.ledger = 'LEAGUE_MEMBER' and p.created_at >= :from and p.created_at < :to),
                               count(*) filter (where p.ledger = 'YOUTH' and p.created_at >= :from and p.created_at < :to),
                               count(*) filter (where p.backbone)
                        from person p join organization o on o.id = p.organization_id
                        where o.path like :path || '%' and p.status = 'ACTIVE'
                        """)
                .param("path", scope.path())
                .param("from", Timestamp.from(scope.monthStart().atStartOfDay(clock.getZone()).toInstant()))
                .param("to", Timestamp.from(scope.monthEnd().atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).single();
        String list = "/admin/people?under=" + scope.organizationId();
        LocalDate quarter = scope.today().withDayOfMonth(1).withMonth((scope.today().getMonthValue() - 1) / 3 * 3 + 1);
        long[] toDo = jdbc.sql("""
                        select (select count(*) from transfer_request t join organization o on o.id = t.to_org_id
                                where t.status = 'PENDING' and o.path like :path || '%'),
                               (select count(*) from person p join organization o on o.id = p.organization_id
                                where o.path like :path || '%' and p.status = 'ACTIVE' and p.ledger = 'LEAGUE_MEMBER'
                                  and p.birth_date >= :bornFrom and p.birth_date < :bornTo)
                        """)
                .param("path", scope.path())
                .param("bornFrom", Date.valueOf(quarter.minusYears(LEAGUE_AGE_LIMIT)))
                .param("bornTo", Date.valueOf(quarter.plusMonths(3).minusYears(LEAGUE_AGE_LIMIT)))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return List.of(
                new Tile(Area.TO_DO, "dashboard.todo.transfers", toDo[0], "/admin/people/transfers"),
                new Tile(Area.TO_DO, "dashboard.todo.turning-28", toDo[1], list + "&ledger=LEAGUE_MEMBER&ageFrom=27&ageTo=27&sort=AGE_DESC"),
                new Tile(Area.LEDGERS, "member.ledger.LEAGUE_MEMBER", counts[0], list + "&ledger=LEAGUE_MEMBER"),
                new Tile(Area.LEDGERS, "member.ledger.YOUTH", counts[1], list + "&ledger=YOUTH"),
                new Tile(Area.LEDGERS, "dashboard.people.new-members", counts[2], list + "&ledger=LEAGUE_MEMBER&sort=NEWEST"),
                new Tile(Area.LEDGERS, "dashboard.people.new-youth", counts[3], list + "&ledger=YOUTH&sort=NEWEST"),
                new Tile(Area.LEDGERS, "dashboard.people.backbones", counts[4], list + "&backbone=true"));
    }

    @Override
    public List<Table> tables(Scope scope) {
        // whole years of age per ledger, summed into bands here: one pass over the subtree's people
        long[][] byBand = new long[AGE_BANDS.length][2];
        jdbc.sql("""
                        select p.ledger, extract(year from age(:today, p.birth_date))::int, count(*)
                        from person p join organization o on o.id = p.organization_id
                        where o.path like :path || '%' and p.status = 'ACTIVE' group by 1, 2
                        """)
                .param("path", scope.path()).param("today", Date.valueOf(scope.today()))
                .query(rs -> {
                    int age = rs.getInt(2);
                    for (int band = 0; band < AGE_BANDS.length; band++) {
                        if (age >= AGE_BANDS[band][0] && age <= AGE_BANDS[band][1]) {
                            byBand[band]["LEAGUE_MEMBER".equals(rs.getString(1)) ? 0 : 1] += rs.getLong(3);
                        }
                    }
                });
        List<Row> rows = new ArrayList<>();
        for (int band = 0; band < AGE_BANDS.length; band++) {
            int from = AGE_BANDS[band][0];
            int to = AGE_BANDS[band][1];
            boolean open = to >= 200;
            rows.add(new Row(open ? from + "+" : from + "–" + to, false, List.of(byBand[band][0], byBand[band][1]),
                    "/admin/people?under=" + scope.organizationId() + "&ageFrom=" + from + (open ? "" : "&ageTo=" + to)));
        }
        return List.of(new Table(Area.LEDGERS, "age-bands", "dashboard.people.by-age", "bar",
                List.of("member.ledger.LEAGUE_MEMBER", "member.ledger.YOUTH"), rows));
    }
}
