package com.countyleague.activity;

import java.time.Instant;
import java.util.List;

import com.countyleague.group.GroupActivities;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells a group's growth records which of its activities a member attended. */
@Component
class GroupAttendance implements GroupActivities {

    private final AttendanceRepository attendances;

    GroupAttendance(AttendanceRepository attendances) {
        this.attendances = attendances;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Attended> attendedBy(long groupId, long personId) {
        return attendances.inGroup(groupId, personId).stream()
                .map(r -> new Attended((Long) r[0], (String) r[1], (Instant) r[2], (Integer) r[3])).toList();
    }
}
