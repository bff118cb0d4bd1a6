package com.countyleague.account;

import java.security.SecureRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    @ParameterizedTest
    @ValueSource(strings = {"Demo@2026", "abc123!@", "Ab1-Ab1-"})
    void lettersDigitsAndASymbolOfEightOrMoreAreStrong(String password) {
        assertThat(PasswordPolicy.isStrong(password)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Ab1@", "abcdefgh", "12345678", "abcd1234", "abcd@@@@", "1234@@@@", "abc 123!@"})
    void shortOrOneSidedPasswordsAreRefused(String password) {
        assertThat(PasswordPolicy.isStrong(password)).isFalse();
    }

    @Test
    void overlongPasswordsAreRefused() {
        assertThat(PasswordPolicy.isStrong("Aa1@".repeat(17))).isFalse();
    }

    @Test
    void generatedPasswordsMeetThePolicy() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            assertThat(PasswordPolicy.isStrong(PasswordPolicy.generate(random))).isTrue();
        }
    }
}
