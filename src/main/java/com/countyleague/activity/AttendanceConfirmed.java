package com.countyleague.activity;

import java.time.Instant;

/**
 * Published after commit when a presence is settled: the member signed out (or was signed out by a
 * secretary, or their online proof was approved), with the service minutes it earned (zero when
 * under 60 % of the activity or when the activity confers no hours). Happens once per attendance.
 */
public record AttendanceConfirmed(long attendanceId, long activityId, String title, long personId, Activity.Type type,
                                  int serviceMinutes, Instant confirmedAt) {
}
