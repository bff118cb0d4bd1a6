package com.countyleague.org;

import java.time.Instant;
import java.util.List;

import com.countyleague.web.RuleViolationException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationTests {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    private final Organization county = unit(1, null, OrganizationType.COUNTY_COMMITTEE);
    private final Organization committee = unit(2, county, OrganizationType.COMMITTEE);
    private final Organization branch = unit(3, committee, OrganizationType.BRANCH);
    private final Organization group = unit(4, branch, OrganizationType.GROUP);
    private final Organization otherCommittee = unit(5, county, OrganizationType.COMMITTEE);

    @Test
    void pathListsTheIdsFromTheRootDown() {
        assertThat(group.getPath()).isEqualTo("/1/2/3/4/");
        assertThat(group.getDepth()).isEqualTo(3);
        assertThat(group.pathIds()).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aUnitCannotMoveUnderItself() {
        assertThatThrownBy(() -> committee.moveUnder(committee, NOW))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("org.move.cycle"));
        assertThat(committee.getPath()).isEqualTo("/1/2/");
    }

    @Test
    void aUnitCannotMoveUnderItsOwnDescendant() {
        Organization subCommittee = unit(6, committee, OrganizationType.COMMITTEE);
        assertThatThrownBy(() -> committee.moveUnder(subCommittee, NOW))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.messageKey()).isEqualTo("org.move.cycle"));
        assertThat(committee.getParentId()).isEqualTo(1L);
    }

    @Test
    void movingChangesPathAndDepthAndReturnsTheOldPath() {
        String old = branch.moveUnder(otherCommittee, NOW);
        assertThat(old).isEqualTo("/1/2/3/");
        assertThat(branch.getPath()).isEqualTo("/1/5/3/");
        assertThat(branch.getParentId()).isEqualTo(5L);
    }

    @Test
    void aBranchCannotStandUnderABranchAndAGroupOnlyUnderABranch() {
        assertThatThrownBy(() -> unit(7, branch, OrganizationType.BRANCH)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> unit(8, committee, OrganizationType.GROUP)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> group.moveUnder(committee, NOW)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void onlyTheCountyCommitteeHasNoParent() {
        assertThatThrownBy(() -> unit(9, null, OrganizationType.COMMITTEE)).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> unit(10, county, OrganizationType.COUNTY_COMMITTEE)).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void onlyAJointBranchListsPartnerUnits() {
        List<PartnerUnit> partners = List.of(new PartnerUnit(PartnerKind.PROPERTY_MANAGEMENT, "锦绣物业"));
        assertThatThrownBy(() -> new Organization(11, committee, OrganizationType.BRANCH, details(partners), NOW))
                .isInstanceOf(RuleViolationException.class);
        Organization joint = new Organization(12, committee, OrganizationType.JOINT_BRANCH, details(partners), NOW);
        assertThat(joint.getPartners()).extracting(PartnerUnit::getName).containsExactly("锦绣物业");
    }

    private static Organization unit(long id, Organization parent, OrganizationType type) {
        return new Organization(id, parent, type, details(List.of()), NOW);
    }

    private static Organization.Details details(List<PartnerUnit> partners) {
        return new Organization.Details("单位", "C" , null, null, null, partners);
    }
}
