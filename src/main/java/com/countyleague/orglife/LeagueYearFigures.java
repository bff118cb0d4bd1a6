package com.countyleague.orglife;

import java.util.List;

import com.countyleague.web.Figures;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dashboard's League year of a subtree (live): branches behind on their meetings this year, review
 * rounds awaiting a committee, and the newest week's 青年大学习 completion rate.
 */
@Component
class LeagueYearFigures implements Figures {

    private final Compliance compliance;
    private final YouthStudy study;
    private final JdbcClient jdbc;

    LeagueYearFigures(Compliance compliance, YouthStudy study, JdbcClient jdbc) {
        this.compliance = compliance;
        this.study = study;
        this.jdbc = jdbc;
    }

    @Override
    public Contribution figures(Scope scope) {
        long behind = compliance.lines(scope.path(), scope.today().getYear(), scope.today()).stream().filter(Compliance.BranchLine::behind).count();
        long awaiting = jdbc.sql("""
                        select count(*) from review_round r join organization o on o.id = r.organization_id
                        where r.status = 'SUBMITTED' and o.path like ? and o.id <> ?""")
                .params(scope.path() + "%", scope.organizationId()).query(Long.class).single();
        YouthStudy.Rate week = study.newestWeek(scope.path());
        return Contribution.of(List.of(
                new Tile(Area.TO_DO, "dashboard.todo.meetings-behind", behind, "/admin/meetings?org=" + scope.organizationId()),
                new Tile(Area.TO_DO, "dashboard.todo.reviews-awaiting", awaiting, "/admin/reviews?org=" + scope.organizationId()),
                new Tile(Area.ORGANISATIONS, "dashboard.orglife.study-percent", week.percent(), "/admin/study?org=" + scope.organizationId())));
    }
}
