package com.countyleague.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;

import com.countyleague.member.LargeCountyGenerator;

/**
 * Governance for a generated county (after the application has migrated it), in set-based
 * statements: councils up to 2,000 over its branches, a year of monthly meetings for each (a third of
 * them behind by one to three months), and residents' issues up to 200,000 in every state, a seventh
 * of the open ones past their due date. For the compliance and overdue-list benchmarks.
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=com.countyleague.bench.GovernanceGenerator \
 *   -Dexec.args="--url jdbc:postgresql://127.0.0.1:5432/league_bench --councils 2000 --issues 200000"
 * </pre>
 */
public final class GovernanceGenerator {

    private GovernanceGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = LargeCountyGenerator.options(args);
        int councils = Integer.parseInt(o.getOrDefault("councils", "2000"));
        int issues = Integer.parseInt(o.getOrDefault("issues", "200000"));
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(o.getOrDefault("url", "jdbc:postgresql://127.0.0.1:5432/league_bench"),
                o.getOrDefault("user", "postgres"), o.getOrDefault("password", ""));
             Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("create temporary table numbered_branch on commit drop as "
                    + "select id, row_number() over (order by id) - 1 as n from organization where type in ('BRANCH', 'JOINT_BRANCH')");
            sql.execute("analyze numbered_branch");
            int made = sql.executeUpdate(String.format(Locale.ROOT, """
                    insert into community_group (kind, name, host_org_id, inactivity_days, status, created_at, version)
                    select case when g %% 3 = 0 then 'YOUTH_COMMITTEE' else 'YOUTH_COUNCIL' end, '压测议事会' || g, b.id, 90, 'ACTIVE',
                           now() - interval '2 years', 0
                    from generate_series(1, greatest(0, %d - (select count(*) from community_group
                                                              where kind in ('YOUTH_COUNCIL', 'YOUTH_COMMITTEE')))) g
                    join numbered_branch b on b.n = g %% (select count(*) from numbered_branch)""", councils));
            // a meeting on the 10th of each of the last twelve months (this one included); every third council stopped
            // one to three months ago
            int meetings = sql.executeUpdate("""
                    insert into activity (host_org_id, group_id, type, mode, title, starts_at, ends_at, status, check_in_secret,
                                          created_by, created_at, version)
                    select c.host_org_id, c.id, 'COUNCIL_MEETING', 'OFFLINE', '压测议事', m.at, m.at + interval '2 hours', 'PUBLISHED',
                           decode(md5(c.id::text || m.k::text) || md5(m.k::text || c.id::text), 'hex'), 'bench', now(), 0
                    from community_group c
                    cross join lateral (select k, date_trunc('month', now()) - make_interval(months => k) + interval '9 days 19 hours' as at
                                        from generate_series(0, 11) k) m
                    where c.kind in ('YOUTH_COUNCIL', 'YOUTH_COMMITTEE') and c.name like '压测议事会%'
                      and (c.id % 3 <> 0 or m.k >= c.id % 4 + 1) and m.at <= now()""");
            sql.executeUpdate("""
                    insert into council_meeting (activity_id, council_id, agenda)
                    select a.id, a.group_id, '压测议程' from activity a
                    where a.type = 'COUNCIL_MEETING' and a.created_by = 'bench'
                      and not exists (select 1 from council_meeting m where m.activity_id = a.id)""");
            int raised = sql.executeUpdate(String.format(Locale.ROOT, """
                    insert into resident_issue (organization_id, scope, nature, title, description, status, anonymous, raised_by,
                                                due_on, reject_reason, satisfaction, created_at, updated_at, version)
                    select b.id, case when g %% 2 = 0 then 'LIFE' else 'WORK' end, case when g %% 3 = 0 then 'HARDSHIP' else 'WORRY' end,
                           '压测民情' || g, '压测民情的具体情况',
                           s.status, false, 'bench',
                           case when s.status in ('NEW', 'ACCEPTED', 'IN_PROGRESS')
                                then current_date + (case when g %% 7 = 0 then -1 - g %% 30 else 1 + g %% 60 end)::int end,
                           case when s.status = 'REJECTED' then '压测' end, case when s.status = 'CLOSED' then 1 + g %% 5 end,
                           now() - make_interval(days => (g %% 365)::int), now() - make_interval(days => (g %% 30)::int), 0
                    from generate_series(1, greatest(0, %d - (select count(*) from resident_issue))) g
                    join numbered_branch b on b.n = g %% (select count(*) from numbered_branch)
                    cross join lateral (select (array['NEW', 'ACCEPTED', 'IN_PROGRESS', 'IN_PROGRESS', 'RESOLVED', 'CLOSED', 'CLOSED',
                                                      'CLOSED', 'CLOSED', 'REJECTED'])[1 + g %% 10] as status) s""", issues));
            db.commit();
            sql.execute("analyze community_group");
            sql.execute("analyze activity");
            sql.execute("analyze resident_issue");
            System.out.printf(Locale.ROOT, "%d councils, %d meetings, %d issues in %.1f s%n", made, meetings, raised,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
