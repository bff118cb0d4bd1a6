package com.countyleague.volunteer;

import java.time.Instant;
import java.time.LocalDate;

/** Published after commit when a leader confirms that a shift was kept, with its post's name and its service minutes. Once per shift. */
public record ShiftConfirmed(long shiftId, long postId, String postName, long personId, LocalDate day, int serviceMinutes,
                             Instant confirmedAt) {
}
