package com.countyleague.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo member's privacy page with something on it: the secretary revealed their number once and
 * exported the branch's ledger, and they asked for their workplace to be corrected (still open).
 */
@Component
@Profile("demo")
@Order(800)
class DemoPrivacy implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoPrivacy(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from correction_request").query(Long.class).single() > 0) {
            return;
        }
        Long member = jdbc.sql("select person_id from account where username = 'member'").query(Long.class).optional().orElse(null);
        if (member == null) {
            return;
        }
        long branch = jdbc.sql("select organization_id from person where id = ?").param(member).query(Long.class).single();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into audit_log (at, operator, organization_id, action, target, detail, ip)
                        values (?, 'secretary', ?, 'REVEAL_ID_NUMBER', ?, '张团员（核对入团材料）', '10.0.0.8')""")
                .params(Timestamp.from(now.minus(Duration.ofDays(20))), branch, "person:" + member).update();
        long export = jdbc.sql("""
                        insert into audit_log (at, operator, organization_id, action, target, detail, ip)
                        values (?, 'secretary', ?, 'EXPORT_PEOPLE', 'ledger:LEAGUE_MEMBER', 'under=' || ?, '10.0.0.8') returning id""")
                .params(Timestamp.from(now.minus(Duration.ofDays(9))), branch, branch).query(Long.class).single();
        jdbc.sql("""
                        insert into audit_export_subject (audit_id, person_ids)
                        select ?, array_agg(id) from person where organization_id = ? and ledger = 'LEAGUE_MEMBER'""")
                .params(export, branch).update();
        jdbc.sql("""
                        insert into correction_request (person_id, organization_id, field, wanted, status, created_at)
                        values (?, ?, 'WORKPLACE', '已从县第一中学毕业，现在县人民医院工作', 'OPEN', ?)""")
                .params(member, branch, Timestamp.from(now.minus(Duration.ofDays(2)))).update();
    }
}
