package com.countyleague.account;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountTests {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    private final Account account = new Account("li", "李", Role.BRANCH_SECRETARY, 3L, "hash", false, NOW);

    @Test
    void theFifthWrongPasswordLocksForFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThat(account.recordFailedLogin(NOW)).isFalse();
        }
        assertThat(account.isLockedAt(NOW)).isFalse();
        assertThat(account.recordFailedLogin(NOW)).isTrue();
        assertThat(account.isLockedAt(NOW.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(account.isLockedAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void wrongPasswordsDuringALockoutDoNotExtendIt() {
        for (int i = 0; i < 5; i++) {
            account.recordFailedLogin(NOW);
        }
        assertThat(account.recordFailedLogin(NOW.plus(Duration.ofMinutes(10)))).isFalse();
        assertThat(account.getLockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aSuccessfulSignInStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            account.recordFailedLogin(NOW);
        }
        account.recordSuccessfulLogin();
        assertThat(account.recordFailedLogin(NOW)).isFalse();
        assertThat(account.isLockedAt(NOW)).isFalse();
    }

    @Test
    void onlyTheCountyAdminMayBeUnboundFromAnOrganisation() {
        assertThatThrownBy(() -> new Account("x", "x", Role.ORG_ADMIN, null, "h", false, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new Account("y", "y", Role.COUNTY_ADMIN, null, "h", false, NOW).getOrganizationId()).isNull();
    }
}
