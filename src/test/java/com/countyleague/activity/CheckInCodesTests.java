package com.countyleague.activity;

import java.time.Instant;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rotating proofs: six digits, changing every 30 seconds, accepted for at most one window more. */
class CheckInCodesTests {

    static final byte[] SECRET = "an activity's own 32-byte secret".getBytes();

    @Test
    void aTokenIsAcceptedInItsWindowAndTheNextOnly() {
        Instant now = Instant.parse("2026-06-01T02:00:10Z");
        long window = CheckInCodes.windowAt(now);
        assertThat(CheckInCodes.fresh(window, now)).isTrue();
        assertThat(CheckInCodes.fresh(window, now.plusSeconds(30))).isTrue();
        assertThat(CheckInCodes.fresh(window, now.plusSeconds(60))).isFalse();
    }

    @Test
    void aTokenVerifiesOnlyUnderItsOwnSecretAndPurpose() {
        String token = CheckInCodes.token(7, SECRET, CheckIns.Purpose.IN, 1000);
        CheckInCodes.Token parsed = CheckInCodes.parse(token).orElseThrow();
        assertThat(parsed.activityId()).isEqualTo(7);
        assertThat(CheckInCodes.verify(parsed, SECRET)).isTrue();
        assertThat(CheckInCodes.verify(parsed, "another activity's secret, 32 b".getBytes())).isFalse();
        assertThat(CheckInCodes.verify(new CheckInCodes.Token(7, CheckIns.Purpose.OUT, 1000, parsed.mac()), SECRET)).isFalse();
        assertThat(CheckInCodes.parse("7-X-1000-abc")).isEmpty();
        assertThat(CheckInCodes.parse("not a token")).isEmpty();
    }

    @Test
    void codesAreSixDigitsAndChangeWithTheWindow() {
        String first = CheckInCodes.code(SECRET, CheckIns.Purpose.IN, 1000);
        assertThat(first).matches("\\d{6}");
        assertThat(CheckInCodes.code(SECRET, CheckIns.Purpose.IN, 1000)).isEqualTo(first);
        long changes = LongStream.range(1001, 1021)
                .filter(w -> !CheckInCodes.code(SECRET, CheckIns.Purpose.IN, w).equals(first)).count();
        assertThat(changes).isGreaterThanOrEqualTo(19);
        assertThat(CheckInCodes.code(SECRET, CheckIns.Purpose.OUT, 1000)).isNotEqualTo(first);
    }
}
