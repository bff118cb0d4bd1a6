package com.countyleague.member;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataTests {

    private static final String KEY = "dGVzdC1vbmx5LWtleS0zMi1ieXRlcy0xMjM0NTY3ODk=";
    private final PersonalData data = new PersonalData(KEY);
    private final IdNumber number = IdNumber.of("11010519491231002X");

    @Test
    void encryptedNumbersDecryptAndNeverRepeat() {
        byte[] first = data.encrypt(number.value());
        byte[] second = data.encrypt(number.value());
        assertThat(first).isNotEqualTo(second);
        assertThat(data.decrypt(first)).isEqualTo(number.value());
        assertThat(data.decrypt(second)).isEqualTo(number.value());
    }

    @Test
    void aTamperedCiphertextIsRefused() {
        byte[] sealed = data.encrypt(number.value());
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> data.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBlindIndexIsStableButDependsOnTheKey() {
        assertThat(data.blindIndex(number)).isEqualTo(new PersonalData(KEY).blindIndex(number)).hasSize(64);
        assertThat(data.blindIndex(number)).isNotEqualTo(new PersonalData(LargeCountyGenerator.DEMO_KEY).blindIndex(number));
    }

    @Test
    void withoutAProperKeyTheApplicationDoesNotStart() {
        assertThatThrownBy(() -> new PersonalData("")).hasMessageContaining("LEAGUE_DATA_KEY");
        assertThatThrownBy(() -> new PersonalData("c2hvcnQ=")).hasMessageContaining("LEAGUE_DATA_KEY");
        assertThatThrownBy(() -> new PersonalData("not base64!")).hasMessageContaining("LEAGUE_DATA_KEY");
    }
}
