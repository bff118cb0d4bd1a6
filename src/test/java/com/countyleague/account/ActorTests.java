package com.countyleague.account;

import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActorTests {

    @Test
    void theCountyAdminReachesEveryUnit() {
        Actor admin = new Actor(1, "admin", "管理员", Role.COUNTY_ADMIN, null, null, null);
        assertThat(admin.covers("/1/2/3/")).isTrue();
    }

    @Test
    void aSecretaryReachesTheirBranchAndBelowOnly() {
        Actor secretary = new Actor(2, "li", "李", Role.BRANCH_SECRETARY, 3L, "/1/2/3/", null);
        assertThat(secretary.covers("/1/2/3/")).isTrue();
        assertThat(secretary.covers("/1/2/3/44/")).isTrue();
        assertThat(secretary.covers("/1/2/")).isFalse();
        assertThat(secretary.covers("/1/2/31/")).isFalse();
        assertThatThrownBy(() -> secretary.requireCovers("/1/5/")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void membersAndGroupLeadersReachNoOrganisationSubtree() {
        Actor member = new Actor(3, "m", "m", Role.MEMBER, 3L, "/1/2/3/", 7L);
        Actor leader = new Actor(4, "l", "l", Role.GROUP_LEADER, 3L, "/1/2/3/", 8L);
        assertThat(member.covers("/1/2/3/")).isFalse();
        assertThat(leader.covers("/1/2/3/")).isFalse();
        assertThat(member.scopePrefix()).isNull();
    }
}
