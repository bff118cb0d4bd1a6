package com.countyleague.points;

import com.countyleague.activity.AttendanceConfirmed;
import com.countyleague.activity.HoursRevoked;
import com.countyleague.activity.MemberCheckedIn;
import com.countyleague.volunteer.ShiftConfirmed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Pays points for what the activity and volunteer modules report, after their transactions commit,
 * each in its own transaction. The event publication registry keeps an event until it is handled, so
 * an event may come twice (a retry, a restart); the idempotency key of each earning pays it once.
 */
@Component
class Earnings {

    private final PointsBank bank;

    Earnings(PointsBank bank) {
        this.bank = bank;
    }

    @ApplicationModuleListener
    void on(MemberCheckedIn event) {
        bank.earn(bank.forCheckIn(event.activityId(), event.title(), event.personId(), event.type(), event.checkedInAt()));
    }

    @ApplicationModuleListener
    void on(AttendanceConfirmed event) {
        if (event.serviceMinutes() > 0) {
            bank.earn(bank.forService(event.activityId(), event.title(), event.personId(), event.type(), event.serviceMinutes(),
                    event.confirmedAt()));
        }
    }

    @ApplicationModuleListener
    void on(HoursRevoked event) {
        bank.takeBack(event.activityId(), event.title(), event.personId(), event.reason(), event.revokedAt());
    }

    @ApplicationModuleListener
    void on(ShiftConfirmed event) {
        bank.earn(bank.forShift(event.shiftId(), event.postName(), event.personId(), event.day(), event.serviceMinutes()));
    }
}
