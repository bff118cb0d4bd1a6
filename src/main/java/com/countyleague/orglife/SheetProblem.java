package com.countyleague.orglife;

import java.util.List;

/** One row of an imported sheet that matches nobody, by its number in the sheet: what is wrong, as a message key and its arguments. */
public record SheetProblem(int row, String messageKey, List<Object> arguments) {
}
