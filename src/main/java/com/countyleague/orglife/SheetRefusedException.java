package com.countyleague.orglife;

import java.util.List;

/** An imported sheet that changes nothing: every row that matched nobody. */
public class SheetRefusedException extends RuntimeException {

    private final transient List<SheetProblem> problems;

    SheetRefusedException(List<SheetProblem> problems) {
        super(problems.size() + " rows refused");
        this.problems = List.copyOf(problems);
    }

    public List<SheetProblem> problems() {
        return problems;
    }
}
