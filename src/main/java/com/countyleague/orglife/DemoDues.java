package com.countyleague.orglife;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import com.countyleague.account.Actors;
import com.countyleague.member.PersonRow;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo branch's dues: a year of payments for its League members, two students, one member who
 * stopped paying seven months ago (the warning) and one a month behind.
 */
@Component
@Profile("demo")
@Order(850)
class DemoDues implements ApplicationRunner {

    private final Dues dues;
    private final BranchMembers branchMembers;
    private final UnitLookup units;
    private final Actors actors;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoDues(Dues dues, BranchMembers branchMembers, UnitLookup units, Actors actors, JdbcClient jdbc, Clock clock) {
        this.dues = dues;
        this.branchMembers = branchMembers;
        this.units = units;
        this.actors = actors;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Organization branch = units.byCode().get("DC-LH-01");
        if (branch == null || jdbc.sql("select count(*) from dues_payment").query(Long.class).single() > 0) {
            return;
        }
        List<PersonRow> members = actors.asSystem(() -> branchMembers.of(branch.getId()));
        DuesBands bands = dues.bands();
        YearMonth now = YearMonth.now(clock);
        Timestamp at = Timestamp.from(clock.instant());
        for (int i = 0; i < members.size(); i++) {
            PersonRow member = members.get(i);
            DuesCategory category = i == 1 || i == 2 ? DuesCategory.STUDENT : DuesCategory.INCOME;
            Integer income = category == DuesCategory.INCOME ? (i % 3 == 0 ? 350_000 + i * 10_000 : 180_000) : null;
            jdbc.sql("insert into dues_profile (person_id, category, monthly_income_fen, updated_at, updated_by) values (?, ?, ?, ?, 'demo')")
                    .params(member.id(), category.name(), income, at).update();
            // the first stopped seven months ago; the fourth is a month behind; everyone else paid up to last month
            int lastPaid = i == 0 ? 7 : i == 4 ? 2 : 1;
            for (int m = lastPaid; m <= 12; m++) {
                jdbc.sql("""
                                insert into dues_payment (person_id, organization_id, month, amount_fen, recorded_by, recorded_at)
                                values (?, ?, ?, ?, 'demo', ?)""")
                        .params(member.id(), branch.getId(), Date.valueOf(now.minusMonths(m).atDay(1)), bands.monthlyFen(category, income), at)
                        .update();
            }
        }
    }
}
