package com.countyleague.org;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists name their units through one lookup; an activity hosted by a group has no unit, and that must not fail the list. */
@IntegrationTest
class UnitLookupTests {

    @Autowired
    UnitLookup units;

    @Autowired
    TestFixtures fixtures;

    @Test
    void findsOneSeveralOrNoUnitsById() {
        long a = fixtures.committee("查找甲团工委");
        long b = fixtures.committee("查找乙团工委");

        assertThat(units.organizations(List.of(a))).containsOnlyKeys(a);
        assertThat(units.organizations(List.of(a, b)).get(b).getName()).isEqualTo("查找乙团工委");
        assertThat(units.organizations(Arrays.asList(a, null))).containsOnlyKeys(a);
        assertThat(units.organizations(Collections.singleton(null))).isEmpty();
        assertThat(units.organizations(List.of(-1L))).isEmpty();
    }
}
