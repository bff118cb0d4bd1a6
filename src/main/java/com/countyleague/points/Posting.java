package com.countyleague.points;

import java.time.LocalDate;

/**
 * One change to an account as the ledger writes it: what kind and how much, why, what it refers to
 * and under which rule, the day it was for, the unit it counts for, the key that makes it happen
 * once, and who wrote it.
 */
record Posting(PointsEntry.Kind kind, int amount, String reason, PointsEntry.Ref ref, Long refId, Long ruleId,
               LocalDate actionDay, long organizationId, String idempotencyKey, String author) {

    /** A correction by hand (or points carried over from elsewhere), with its reason. */
    static Posting adjustment(int amount, String reason, LocalDate day, long organizationId, String key, String author) {
        return new Posting(PointsEntry.Kind.ADJUST, amount, reason, null, null, null, day, organizationId, key, author);
    }

    /** A redemption's deduction or its refund, named after the item. */
    static Posting redemption(PointsEntry.Kind kind, int amount, String itemName, long redemptionId, LocalDate day,
                              long organizationId, String key, String author) {
        return new Posting(kind, amount, itemName, PointsEntry.Ref.REDEMPTION, redemptionId, null, day, organizationId, key, author);
    }
}
