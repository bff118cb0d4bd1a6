package com.countyleague.member;

/**
 * A column holding identity numbers sealed by {@link IdentityNumbers} (or the ledgers), in a table
 * keyed by {@code id}: what a key rotation seals again. Each module declares its own as a bean.
 */
public record SealedColumn(String table, String column) {
}
