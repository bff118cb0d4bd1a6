package com.countyleague.volunteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rotation itself: fair counts, stated unavailability respected, no one twice a day while others can serve. */
class RosterPlanTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 6, 1);
    static final List<Long> SEVEN = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L);

    @Test
    void sevenMembersOverFourWeeksWithTwoShiftsADayServeEightTimesEach() {
        RosterPlan.Plan plan = RosterPlan.make(needs(28, 2), SEVEN, 1, (m, d) -> true, Map.of());
        assertThat(plan.counts().values()).containsOnly(8);
        assertThat(plan.unfilled()).isZero();
        assertNobodyTwiceADay(plan);
    }

    @Test
    void statedUnavailabilityIsRespectedAndTheCountsStillDifferByAtMostOne() {
        // member 1 is away the first week, member 2 every weekend, member 3 on three scattered days
        BiPredicate<Long, LocalDate> available = (m, d) -> !(m == 1 && d.isBefore(MONDAY.plusDays(7)))
                && !(m == 2 && d.getDayOfWeek().getValue() >= 6)
                && !(m == 3 && Set.of(MONDAY.plusDays(2), MONDAY.plusDays(11), MONDAY.plusDays(20)).contains(d));
        RosterPlan.Plan plan = RosterPlan.make(needs(28, 2), SEVEN, 1, available, Map.of());

        plan.assignments().forEach((need, people) -> people.forEach(p -> assertThat(available.test(p, need.day()))
                .as("member %d on %s", p, need.day()).isTrue()));
        Collection<Integer> counts = plan.counts().values();
        assertThat(counts).hasSize(7);
        assertThat(max(counts) - min(counts)).isLessThanOrEqualTo(1);
        assertNobodyTwiceADay(plan);
    }

    @Test
    void thoseWhoServedLessBeforeGoFirst() {
        RosterPlan.Plan plan = RosterPlan.make(needs(1, 2), List.of(1L, 2L, 3L), 1, (m, d) -> true, Map.of(1L, 5L, 2L, 0L, 3L, 2L));
        assertThat(plan.assignments().values()).containsExactly(List.of(2L), List.of(3L));
    }

    @Test
    void placesNobodyCanTakeStayEmptyAndAreCounted() {
        RosterPlan.Plan plan = RosterPlan.make(needs(2, 1), List.of(1L, 2L), 3, (m, d) -> true, Map.of());
        assertThat(plan.unfilled()).isEqualTo(2);
        assertThat(plan.counts()).containsEntry(1L, 2).containsEntry(2L, 2);
    }

    private static List<RosterPlan.Need> needs(int days, int slots) {
        List<RosterPlan.Need> needs = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            for (int s = 1; s <= slots; s++) {
                needs.add(new RosterPlan.Need(MONDAY.plusDays(d), s));
            }
        }
        return needs;
    }

    private static void assertNobodyTwiceADay(RosterPlan.Plan plan) {
        Map<LocalDate, List<Long>> byDay = new HashMap<>();
        plan.assignments().forEach((need, people) -> byDay.computeIfAbsent(need.day(), d -> new ArrayList<>()).addAll(people));
        byDay.forEach((day, people) -> assertThat(people).as(day.toString()).doesNotHaveDuplicates());
    }

    private static int max(Collection<Integer> values) {
        return values.stream().max(Integer::compare).orElseThrow();
    }

    private static int min(Collection<Integer> values) {
        return values.stream().min(Integer::compare).orElseThrow();
    }
}
