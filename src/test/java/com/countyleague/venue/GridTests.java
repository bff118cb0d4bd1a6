package com.countyleague.venue;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.group.GroupKind;
import com.countyleague.member.GridRole;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class GridTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Grids grids;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGridTakesOnlyCompoundsRolesAndTeamsOfItsManagersReach() {
        Branch branch = fixtures.branch("网格本支部");
        Branch other = fixtures.branch("网格他支部");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        String stranger = fixtures.readyAccount(Role.BRANCH_SECRETARY, other.id());
        long grid = fixtures.as(secretary, () -> grids.create(TestFixtures.uniqueCode("第一网格"), branch.id()));

        run(secretary, () -> grids.assign(grid, branch.compoundId()));
        assertThatThrownBy(() -> run(secretary, () -> grids.assign(grid, other.compoundId()))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run(stranger, () -> grids.assign(grid, other.compoundId()))).isInstanceOf(AccessDeniedException.class);

        long gridMember = fixtures.youth(branch.id(), "网格员甲");
        jdbc.sql("update person set grid_roles = '{GRID_MEMBER}', compound_id = ? where id = ?").params(branch.compoundId(), gridMember).update();
        long plain = fixtures.youth(branch.id(), "普通青年");
        long elsewhere = fixtures.youth(other.id(), "他处网格员");
        jdbc.sql("update person set grid_roles = '{GRID_MEMBER}' where id = ?").param(elsewhere).update();
        run(secretary, () -> grids.bind(grid, gridMember, GridRole.GRID_MEMBER));
        assertThatThrownBy(() -> run(secretary, () -> grids.bind(grid, plain, GridRole.GRID_MEMBER)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("grid.role.not-held");
        assertThatThrownBy(() -> run(secretary, () -> grids.bind(grid, elsewhere, GridRole.GRID_MEMBER))).isInstanceOf(NotFoundException.class);

        long team = fixtures.group(GroupKind.VOLUNTEER_TEAM, branch.id(), null);
        long otherTeam = fixtures.group(GroupKind.VOLUNTEER_TEAM, other.id(), null);
        run(secretary, () -> grids.reportIn(grid, team));
        assertThatThrownBy(() -> run(secretary, () -> grids.reportIn(grid, otherTeam))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> run(stranger, () -> grids.reportIn(grid, otherTeam))).isInstanceOf(AccessDeniedException.class);

        Grids.GridPage page = fixtures.as(secretary, () -> grids.page(grid));
        assertThat(page.compounds()).extracting(c -> c.getId()).containsExactly(branch.compoundId());
        assertThat(page.holders()).singleElement().satisfies(h -> {
            assertThat(h.person().id()).isEqualTo(gridMember);
            assertThat(h.role()).isEqualTo(GridRole.GRID_MEMBER);
        });
        assertThat(page.teams()).extracting(t -> t.group().getId()).containsExactly(team);
        assertThatThrownBy(() -> fixtures.as(stranger, () -> grids.page(grid))).isInstanceOf(AccessDeniedException.class);
        // a compound lies in one grid: a second grid takes it over
        long second = fixtures.as(secretary, () -> grids.create(TestFixtures.uniqueCode("第二网格"), branch.id()));
        run(secretary, () -> grids.assign(second, branch.compoundId()));
        assertThat(fixtures.as(secretary, () -> grids.page(grid)).compounds()).isEmpty();
    }

    private void run(String account, Runnable work) {
        fixtures.as(account, () -> {
            work.run();
            return null;
        });
    }
}
