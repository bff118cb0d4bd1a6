package com.countyleague.venue;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.org.Position;
import com.countyleague.org.Residences;
import com.countyleague.web.RuleViolationException;
import com.countyleague.web.XlsxRows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compound positions from a sheet (小区名称, 所属团支部, 纬度, 经度 — the branch only where two
 * compounds of the caller's reach share a name): all rows or none, each problem named by its row.
 */
@Service
public class CompoundPositions {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 5_000;

    /** A row the sheet could not give, by its number as the spreadsheet shows it, and why (a message key and its argument). */
    public record Problem(int row, String messageKey, String argument) {
    }

    public record Outcome(int located, List<Problem> problems) {
    }

    private final Residences residences;
    private final JdbcClient jdbc;
    private final Actors actors;

    CompoundPositions(Residences residences, JdbcClient jdbc, Actors actors) {
        this.residences = residences;
        this.jdbc = jdbc;
        this.actors = actors;
    }

    @Transactional
    public Outcome load(byte[] xlsx) {
        Actor actor = actors.current();
        actor.requireStaff();
        if (xlsx == null || xlsx.length == 0 || xlsx.length > MAX_BYTES) {
            throw new RuleViolationException("file", "positions.file.size", MAX_BYTES / 1024 / 1024);
        }
        // compounds of the caller's reach by name, and by name and branch for names that repeat
        Map<String, List<long[]>> byName = new LinkedHashMap<>();
        Map<String, String> branchNames = new LinkedHashMap<>();
        jdbc.sql("""
                        select c.id, c.name, o.name, o.id from compound c join organization o on o.id = c.branch_id
                        where o.path like ? || '%'""")
                .param(actor.scopePrefix())
                .query(rs -> {
                    byName.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new long[] {rs.getLong(1), rs.getLong(4)});
                    branchNames.put(rs.getLong(4) + "", rs.getString(3));
                });
        List<Problem> problems = new ArrayList<>();
        Map<Long, Position> found = new LinkedHashMap<>();
        try {
            XlsxRows.read(xlsx, (number, cells) -> {
                String name = text(cells, 0);
                if (number == 1 || name.isEmpty()) {
                    return;
                }
                if (number - 1 > MAX_ROWS) {
                    throw new RuleViolationException("file", "positions.file.rows", MAX_ROWS);
                }
                String branch = text(cells, 1);
                List<long[]> candidates = byName.getOrDefault(name, List.of()).stream()
                        .filter(c -> branch.isEmpty() || branchNames.get(c[1] + "").equals(branch)).toList();
                if (candidates.isEmpty()) {
                    problems.add(new Problem(number, "positions.unknown", name));
                    return;
                }
                if (candidates.size() > 1) {
                    problems.add(new Problem(number, "positions.ambiguous", name));
                    return;
                }
                try {
                    Position position = new Position(new BigDecimal(text(cells, 2)), new BigDecimal(text(cells, 3)));
                    if (found.put(candidates.get(0)[0], position) != null) {
                        problems.add(new Problem(number, "positions.twice", name));
                    }
                } catch (NumberFormatException | RuleViolationException e) {
                    problems.add(new Problem(number, "positions.invalid", name));
                }
            });
        } catch (XlsxRows.Refused e) {
            throw new RuleViolationException("file", "positions.file.unreadable");
        }
        if (!problems.isEmpty()) {
            return new Outcome(0, problems);
        }
        found.forEach(residences::locate);
        return new Outcome(found.size(), List.of());
    }

    private static String text(Map<Integer, XlsxRows.Cell> cells, int column) {
        XlsxRows.Cell cell = cells.get(column);
        return cell == null ? "" : cell.display().strip();
    }
}
