package com.countyleague.activity;

import java.time.Instant;

/**
 * Published after commit when a person's presence at an activity is first recorded (by scan, code,
 * a secretary, or an approved online proof). Happens once per person and activity. It carries what
 * listeners need to know (the activity's title, host and type), so none has to ask back.
 */
public record MemberCheckedIn(long attendanceId, long activityId, String title, long personId, Long groupId, long hostOrgId,
                              Activity.Type type, Attendance.Method method, Instant checkedInAt) {
}
