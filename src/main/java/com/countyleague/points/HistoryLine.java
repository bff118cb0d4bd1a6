package com.countyleague.points;

import java.time.Instant;

/**
 * A line of a person's points history as they read it: what moved, by how much, the balance after it
 * and why. Read as a projection, not as ledger entries: the balance page is the page members open most.
 */
public record HistoryLine(long id, PointsEntry.Kind kind, int amount, int balanceAfter, String reason, Instant createdAt) {
}
