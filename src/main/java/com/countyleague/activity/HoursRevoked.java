package com.countyleague.activity;

import java.time.Instant;

/**
 * Published after commit when staff revoke a presence after review: whatever it earned is to be
 * taken back (the points bank reverses the check-in's and the service's points, once).
 */
public record HoursRevoked(long attendanceId, long activityId, String title, long personId, String reason, Instant revokedAt) {
}
