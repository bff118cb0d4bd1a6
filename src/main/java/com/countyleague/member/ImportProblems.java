package com.countyleague.member;

import java.util.Arrays;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The problems of an uploaded sheet, row by row and cell by cell, as the preview lists them. */
@Component
class ImportProblems {

    private static final String SEPARATOR = "\u001F";

    private final JdbcTemplate jdbcTemplate;
    private final JdbcClient jdbc;

    ImportProblems(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
        this.jdbcTemplate = jdbcTemplate;
        this.jdbc = jdbc;
    }

    /**
     * One problem of a sheet.
     *
     * @param row the spreadsheet's row number, 1 for the header
     * @param column the column's header, or {@code null} for the row as a whole
     */
    public record RowProblem(int row, String column, String key, Object... args) {
    }

    void replace(long jobId, List<RowProblem> problems) {
        jdbc.sql("delete from import_problem where job_id = ?").param(jobId).update();
        jdbcTemplate.batchUpdate("insert into import_problem (job_id, row_number, column_name, message_key, arguments) values (?, ?, ?, ?, ?)",
                problems, 500, (statement, problem) -> {
                    statement.setLong(1, jobId);
                    statement.setInt(2, problem.row());
                    statement.setString(3, problem.column());
                    statement.setString(4, problem.key());
                    String args = String.join(SEPARATOR, Arrays.stream(problem.args()).map(String::valueOf).toList());
                    statement.setString(5, args.length() > 500 ? args.substring(0, 500) : args);
                });
    }

    Page<RowProblem> page(long jobId, Pageable pageable) {
        long total = jdbc.sql("select count(*) from import_problem where job_id = ?").param(jobId).query(Long.class).single();
        List<RowProblem> content = jdbc.sql("""
                        select row_number, column_name, message_key, arguments from import_problem
                        where job_id = ? order by row_number, id limit ? offset ?""")
                .params(jobId, pageable.getPageSize(), pageable.getOffset())
                .query((rs, n) -> new RowProblem(rs.getInt(1), rs.getString(2), rs.getString(3),
                        (Object[]) (rs.getString(4) == null || rs.getString(4).isEmpty() ? new Object[0] : rs.getString(4).split(SEPARATOR, -1))))
                .list();
        return new PageImpl<>(content, pageable, total);
    }

    /** The rows with problems, in order, for a test or a summary. */
    List<Integer> rows(long jobId) {
        return jdbc.sql("select distinct row_number from import_problem where job_id = ? order by row_number")
                .param(jobId).query(Integer.class).list();
    }
}
