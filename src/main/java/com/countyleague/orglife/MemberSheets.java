package com.countyleague.orglife;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.countyleague.account.Reach;
import com.countyleague.member.LeagueRoll;
import com.countyleague.member.PersonRow;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.RuleViolationException;
import com.countyleague.web.XlsxRows;

import org.springframework.stereotype.Component;

/**
 * Lists of League members that arrive as sheets (a week's 青年大学习, a month's dues): read by their
 * headers, each row matched to a member in the caller's reach — by League number, or else by name within
 * the branch — and refused as a whole, naming every row that matches nobody.
 */
@Component
class MemberSheets {

    static final int MAX_ROWS = 20_000;

    /** One row as read: its number in the sheet and its values by field. */
    record Row(int number, Map<String, String> values) {
        String get(String field) {
            return values.getOrDefault(field, "");
        }
    }

    private final BranchMembers branchMembers;
    private final LeagueRoll roll;
    private final UnitLookup units;
    private final Reach reach;

    MemberSheets(BranchMembers branchMembers, LeagueRoll roll, UnitLookup units, Reach reach) {
        this.branchMembers = branchMembers;
        this.roll = roll;
        this.units = units;
        this.reach = reach;
    }

    /**
     * The rows of the first sheet of an xlsx, by field: {@code headers} names each field's accepted header
     * titles; the first row must hold the {@code required} ones. Blank rows are skipped.
     */
    List<Row> read(byte[] xlsx, Map<String, Set<String>> headers, Set<String> required) {
        Map<String, Integer> columns = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        try {
            XlsxRows.read(xlsx, (number, cells) -> {
                if (columns.isEmpty()) {
                    cells.forEach((index, cell) -> {
                        String title = cell.display().replaceAll("\\s", "");
                        headers.forEach((field, titles) -> {
                            if (titles.contains(title)) {
                                columns.putIfAbsent(field, index);
                            }
                        });
                    });
                    if (!columns.keySet().containsAll(required)) {
                        throw new RuleViolationException("file", "sheet.columns", String.join("、", required.stream()
                                .map(f -> headers.get(f).iterator().next()).sorted().toList()));
                    }
                    return;
                }
                Map<String, String> values = new HashMap<>();
                columns.forEach((field, index) -> {
                    XlsxRows.Cell cell = cells.get(index);
                    String value = cell == null ? "" : cell.display().strip();
                    if (!value.isEmpty()) {
                        values.put(field, value);
                    }
                });
                if (values.isEmpty()) {
                    return;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new RuleViolationException("file", "sheet.too-many", MAX_ROWS);
                }
                rows.add(new Row(number, values));
            });
        } catch (XlsxRows.Refused refused) {
            throw new RuleViolationException("file", "sheet.unreadable");
        }
        if (rows.isEmpty()) {
            throw new RuleViolationException("file", "sheet.empty");
        }
        return rows;
    }

    /**
     * Each row's member: the League member in reach with the row's League number ({@code number}), or else
     * the one of that name ({@code name}) in the branch given — or, when none is given, in the branch the row
     * names ({@code branch}). Problems are added for the rows that match nobody, or more than one.
     */
    Map<Row, Long> match(List<Row> rows, Organization given, List<SheetProblem> problems) {
        Map<String, Long> byNumber = roll.leagueMembersByNumber(rows.stream().map(r -> r.get("number")).filter(n -> !n.isEmpty()).toList());
        Map<String, List<Organization>> branchesByName = units.branches().stream().collect(Collectors.groupingBy(Organization::getName));
        Map<Long, Map<String, List<Long>>> membersByBranch = new HashMap<>();
        Map<Row, Long> matched = new LinkedHashMap<>();
        for (Row row : rows) {
            Long person = byNumber.get(row.get("number"));
            if (person != null && reach.reaches(Reach.Target.PERSON, person) && (given == null || inBranch(person, given, membersByBranch))) {
                matched.put(row, person);
                continue;
            }
            // a number that names nobody here: the name decides, when there is one
            if (row.get("name").isEmpty()) {
                problems.add(new SheetProblem(row.number(), "sheet.row.unknown-number", List.of(row.get("number"))));
                continue;
            }
            Organization branch = given;
            if (branch == null) {
                List<Organization> named = branchesByName.getOrDefault(row.get("branch"), List.of()).stream()
                        .filter(o -> reach.organization(o.getId())).toList();
                if (named.size() != 1) {
                    problems.add(new SheetProblem(row.number(), named.isEmpty() ? "sheet.row.unknown-branch" : "sheet.row.ambiguous-branch",
                            List.of(row.get("branch"))));
                    continue;
                }
                branch = named.get(0);
            }
            List<Long> same = members(branch, membersByBranch).getOrDefault(row.get("name"), List.of());
            if (same.size() == 1) {
                matched.put(row, same.get(0));
            } else {
                problems.add(new SheetProblem(row.number(), same.isEmpty() ? "sheet.row.unknown-name" : "sheet.row.ambiguous-name",
                        List.of(row.get("name"), branch.getName())));
            }
        }
        return matched;
    }

    private boolean inBranch(long person, Organization branch, Map<Long, Map<String, List<Long>>> membersByBranch) {
        return members(branch, membersByBranch).values().stream().anyMatch(ids -> ids.contains(person));
    }

    private Map<String, List<Long>> members(Organization branch, Map<Long, Map<String, List<Long>>> membersByBranch) {
        return membersByBranch.computeIfAbsent(branch.getId(), id -> branchMembers.of(id).stream()
                .collect(Collectors.groupingBy(PersonRow::name, Collectors.mapping(PersonRow::id, Collectors.toList()))));
    }
}
