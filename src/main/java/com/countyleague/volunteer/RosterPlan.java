package com.countyleague.volunteer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Rotates a team over a run of shifts so that everyone serves about as often: each next shift goes to
 * those who have served least in the plan so far (then to those with fewest chances left, then to
 * those who served least at the post before, then to whoever waited longest), never on a day they
 * said they cannot serve and, while anyone else can, never twice on one day. A final pass moves
 * shifts from the busiest to the idlest while the difference exceeds one and a move is possible.
 */
final class RosterPlan {

    /** One slot of one day that needs people. */
    record Need(LocalDate day, int slotNo) {
    }

    /** Who serves each need, and how many places stayed empty because too few could serve. */
    record Plan(Map<Need, List<Long>> assignments, int unfilled) {

        Map<Long, Integer> counts() {
            Map<Long, Integer> counts = new HashMap<>();
            assignments.values().forEach(people -> people.forEach(p -> counts.merge(p, 1, Integer::sum)));
            return counts;
        }
    }

    private RosterPlan() {
    }

    static Plan make(List<Need> needs, List<Long> members, int perShift, BiPredicate<Long, LocalDate> available,
                     Map<Long, Long> servedBefore) {
        Map<Long, Integer> counts = new HashMap<>();
        Map<Long, Integer> lastServed = new HashMap<>();
        Map<Long, Integer> chancesLeft = new HashMap<>();
        Map<Long, Integer> order = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            long member = members.get(i);
            order.put(member, i);
            counts.put(member, 0);
            lastServed.put(member, -1);
            chancesLeft.put(member, (int) needs.stream().filter(n -> available.test(member, n.day())).count());
        }
        Map<Need, List<Long>> assignments = new LinkedHashMap<>();
        Map<LocalDate, Set<Long>> busyOn = new HashMap<>();
        int unfilled = 0;
        for (int i = 0; i < needs.size(); i++) {
            Need need = needs.get(i);
            Set<Long> busy = busyOn.computeIfAbsent(need.day(), d -> new HashSet<>());
            List<Long> free = members.stream().filter(m -> available.test(m, need.day())).toList();
            free.forEach(m -> chancesLeft.merge(m, -1, Integer::sum));
            Comparator<Long> fairest = Comparator.<Long>comparingInt(counts::get)
                    .thenComparingInt(chancesLeft::get)
                    .thenComparingLong(m -> servedBefore.getOrDefault(m, 0L))
                    .thenComparingInt(lastServed::get)
                    .thenComparingInt(order::get);
            List<Long> chosen = free.stream().sorted(busyLast(busy).thenComparing(fairest)).limit(perShift).toList();
            for (long member : chosen) {
                counts.merge(member, 1, Integer::sum);
                lastServed.put(member, i);
                busy.add(member);
            }
            unfilled += perShift - chosen.size();
            assignments.put(need, new ArrayList<>(chosen));
        }
        balance(assignments, members, available, counts);
        return new Plan(assignments, unfilled);
    }

    /** Someone already on duty that day comes last, whatever their count. */
    private static Comparator<Long> busyLast(Set<Long> busy) {
        return Comparator.comparingInt(m -> busy.contains(m) ? 1 : 0);
    }

    private static void balance(Map<Need, List<Long>> assignments, List<Long> members, BiPredicate<Long, LocalDate> available,
                                Map<Long, Integer> counts) {
        for (int guard = 0; guard < assignments.size() * Math.max(1, members.size()); guard++) {
            int max = counts.values().stream().max(Integer::compare).orElse(0);
            int min = counts.values().stream().min(Integer::compare).orElse(0);
            if (max - min <= 1 || !moveOne(assignments, members, available, counts, max, min)) {
                return;
            }
        }
    }

    private static boolean moveOne(Map<Need, List<Long>> assignments, List<Long> members, BiPredicate<Long, LocalDate> available,
                                   Map<Long, Integer> counts, int max, int min) {
        for (long busiest : members.stream().filter(m -> counts.get(m) == max).toList()) {
            for (long idlest : members.stream().filter(m -> counts.get(m) == min).toList()) {
                for (Map.Entry<Need, List<Long>> entry : assignments.entrySet()) {
                    LocalDate day = entry.getKey().day();
                    List<Long> people = entry.getValue();
                    if (people.contains(busiest) && available.test(idlest, day) && !servesOn(assignments, idlest, day)) {
                        people.set(people.indexOf(busiest), idlest);
                        counts.merge(busiest, -1, Integer::sum);
                        counts.merge(idlest, 1, Integer::sum);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean servesOn(Map<Need, List<Long>> assignments, long member, LocalDate day) {
        return assignments.entrySet().stream().anyMatch(e -> e.getKey().day().equals(day) && e.getValue().contains(member));
    }
}
