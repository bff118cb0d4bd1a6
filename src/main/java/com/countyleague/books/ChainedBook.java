package com.countyleague.books;

import java.util.List;

/**
 * A table whose entries are chained per person by the database (a trigger sets {@code seq},
 * {@code prev_hash} and {@code hash} on insert). {@code fields} are the columns of its canonical form
 * in the order its SQL function {@code <table>_canonical} writes them; {@code guards} are the triggers
 * that must stay in place (the chain, append-only).
 */
public record ChainedBook(String name, String table, String timeColumn, List<String> fields, List<String> guards) {
}
