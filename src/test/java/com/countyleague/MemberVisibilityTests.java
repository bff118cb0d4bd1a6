package com.countyleague;

import java.util.UUID;

import com.countyleague.TestFixtures.Branch;
import com.countyleague.account.Role;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.GroupKind;
import com.countyleague.group.Groups;
import com.countyleague.points.PointsBank;
import com.countyleague.points.RewardItem;
import com.countyleague.points.Rewards;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Members see what is theirs to take part in: the county's published rewards and open groups, and
 * nothing of a reward still being prepared or a group that is closed — not even that it exists.
 */
@IntegrationTest
class MemberVisibilityTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Rewards rewards;

    @Autowired
    PointsBank bank;

    @Autowired
    Groups groups;

    @Autowired
    JdbcClient jdbc;

    Branch branch;
    String secretary;
    String member;

    @BeforeEach
    void aBranchWithAMember() {
        branch = fixtures.branch("可见性团支部");
        secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch.id());
        member = fixtures.members(branch.id(), "可见成员", 1).get(0);
        long person = fixtures.personOf(member);
        fixtures.as("admin", () -> {
            bank.adjust(person, 100, "测试发放", UUID.randomUUID().toString());
            return null;
        });
    }

    @Test
    void aRewardBeingPreparedAndItsPictureAreAbsentForMembersUntilPublished() throws Exception {
        long item = fixtures.as(secretary, () -> {
            long id = rewards.create(new RewardItem.Details("筹备中的奖品", null, RewardItem.Kind.GOODS, "社区超市", branch.id(),
                    10, 5, null, null, null, null));
            rewards.setPicture(id, TwoBranches.png());
            return id;
        });

        mvc.perform(get("/rewards/{id}/picture", item).with(fixtures.signedIn(member))).andExpect(status().isNotFound());
        mvc.perform(post("/me/rewards/{id}/redeem", item).param("requestKey", UUID.randomUUID().toString())
                .with(fixtures.signedIn(member)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/me/redemptions").contentType(MediaType.APPLICATION_JSON).content("{\"itemId\": " + item + "}")
                .with(fixtures.signedIn(member)).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from redemption where item_id = ?").param(item).query(Long.class).single()).isZero();
        // its provider's staff prepare it, picture and all
        mvc.perform(get("/rewards/{id}/picture", item).with(fixtures.signedIn(secretary))).andExpect(status().isOk());

        fixtures.as(secretary, () -> {
            rewards.publish(item, true);
            return null;
        });
        mvc.perform(get("/rewards/{id}/picture", item).with(fixtures.signedIn(member))).andExpect(status().isOk());
    }

    @Test
    void aClosedGroupIsAbsentOnEveryMemberAddress() throws Exception {
        long group = fixtures.group(GroupKind.INTEREST_GROUP, branch.id(), null);
        mvc.perform(get("/me/groups/{id}", group).with(fixtures.signedIn(member))).andExpect(status().isOk());
        fixtures.as("admin", () -> {
            CommunityGroup settings = groups.settings(group);
            groups.update(group, new CommunityGroup.Details(settings.getKind(), settings.getTheme(), settings.getName(),
                    settings.getHostOrgId(), settings.getDescription(), settings.getCapacity(), settings.getInactivityDays(),
                    CommunityGroup.Status.SUSPENDED));
            return null;
        });

        mvc.perform(get("/me/groups/{id}", group).with(fixtures.signedIn(member))).andExpect(status().isNotFound());
        mvc.perform(post("/me/groups/{id}/apply", group).with(fixtures.signedIn(member)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select count(*) from group_membership where group_id = ?").param(group).query(Long.class).single())
                .isZero();
    }
}
