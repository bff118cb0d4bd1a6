package com.countyleague.member;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "440524188001010014", "511703200107154822",
            " 110105 19491231 002x ", "１１０１０５１９４９１２３１００２Ｘ"})
    void validNumbersPassWithXInEitherCaseAndFullWidthDigits(String number) {
        assertThat(IdNumber.problem(number)).isEmpty();
        assertThat(IdNumber.of(number).value()).matches("\\d{17}[\\dX]");
    }

    @ParameterizedTest
    @CsvSource({
            "110105194912310021, member.id.check-digit",
            "11010519491231002Y, member.id.format",
            "440524188001010015, member.id.check-digit",
            "11010519491231002, member.id.length",
            "1101051949123100211, member.id.length",
            "110105194902300025, member.id.birth",
            "990105194912310025, member.id.region"})
    void invalidNumbersSayWhatIsWrong(String number, String problem) {
        assertThat(IdNumber.problem(number)).contains(problem);
    }

    @Test
    void theCheckCharacterFollowsGb11643() {
        assertThat(IdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @Test
    void birthDateAndGenderAreReadFromTheNumber() {
        IdNumber number = IdNumber.of("11010519491231002x");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(number.gender()).isEqualTo(Gender.FEMALE);
        assertThat(IdNumber.of("440524188001010014").gender()).isEqualTo(Gender.MALE);
    }

    @Test
    void theMaskShowsRegionAndLastFourOnly() {
        assertThat(IdNumber.of("11010519491231002x").masked()).isEqualTo("110105********002X");
    }
}
