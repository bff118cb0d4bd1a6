package com.countyleague.member;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.time.api.Dates;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger's validators against generated input: identity numbers, mobiles and dates as sheets write them. */
class LedgerValuePropertiesTests {

    private static final String[] REGIONS = {"110105", "320102", "440106", "510104", "650102", "130102"};

    @Provide
    Arbitrary<String> validIdNumbers() {
        Arbitrary<String> region = Arbitraries.of(REGIONS);
        Arbitrary<LocalDate> birth = Dates.dates().between(LocalDate.of(1900, 1, 1), LocalDate.of(2025, 12, 31));
        Arbitrary<Integer> sequence = Arbitraries.integers().between(0, 999);
        return Combinators.combine(region, birth, sequence).as((r, b, s) -> {
            String first17 = r + b.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", s);
            return first17 + IdNumber.checkCharacter(first17);
        });
    }

    @Property
    void aNumberWithItsCheckCharacterIsValidAndKeepsItsBirthDateAndSex(@ForAll("validIdNumbers") String number) {
        assertThat(IdNumber.problem(number)).isEmpty();
        IdNumber id = IdNumber.of(number);
        assertThat(id.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE)).isEqualTo(number.substring(6, 14));
        assertThat(id.gender()).isEqualTo((number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE);
    }

    @Property
    void anyOneCharacterChangedIsRefused(@ForAll("validIdNumbers") String number, @ForAll @IntRange(max = 17) int position,
                                         @ForAll @IntRange(min = 1, max = 10) int shift) {
        char[] chars = number.toCharArray();
        char original = chars[position];
        // the check of GB 11643 (MOD 11-2) catches every single substitution, X included
        String alphabet = position == 17 ? "0123456789X" : "0123456789";
        chars[position] = alphabet.charAt((alphabet.indexOf(original) + shift) % alphabet.length());
        Assume.that(chars[position] != original);
        assertThat(IdNumber.problem(new String(chars))).isPresent();
    }

    @Property
    void theMaskHidesTheBirthDateAndNothingElse(@ForAll("validIdNumbers") String number) {
        String masked = IdNumber.of(number).masked();
        assertThat(masked).hasSize(18).startsWith(number.substring(0, 6)).endsWith(number.substring(14))
                .doesNotContain(number.substring(6, 14));
    }

    @Property
    void fullWidthSpacedAndLowerCaseFormsAreTheSameNumber(@ForAll("validIdNumbers") String number) {
        StringBuilder wide = new StringBuilder(" ");
        for (char c : number.toLowerCase().toCharArray()) {
            wide.append(Character.isDigit(c) ? (char) (c - '0' + '０') : c).append(c == number.charAt(5) ? "　" : "");
        }
        assertThat(IdNumber.of(wide.toString())).isEqualTo(IdNumber.of(number));
    }

    @Property
    void anythingThatIsNotEighteenCharactersIsALengthProblem(@ForAll @StringLength(max = 40) String text) {
        Assume.that(IdNumber.normalize(text).length() != 18);
        assertThat(IdNumber.problem(text)).contains("member.id.length");
    }

    @Property
    void mobilesAreElevenDigitsFrom13To19(@ForAll @IntRange(min = 0, max = 9) int second,
                                          @ForAll @IntRange(min = 0, max = 999_999_999) int rest) {
        String number = "1" + second + String.format("%09d", rest);
        assertThat(MobileNumber.valid(number)).isEqualTo(second >= 3);
        assertThat(MobileNumber.valid(number + "0")).isFalse();
        assertThat(MobileNumber.valid(number.substring(1))).isFalse();
        assertThat(MobileNumber.valid(" " + number)).isFalse();
    }

    @Property
    void aMobileWithAnyNonDigitIsRefused(@ForAll @IntRange(max = 10) int position,
                                         @ForAll @StringLength(1) String intruder) {
        Assume.that(!Character.isDigit(intruder.charAt(0)) || intruder.charAt(0) > '9');
        StringBuilder number = new StringBuilder("13800138000");
        number.replace(position, position + 1, intruder);
        assertThat(MobileNumber.valid(number.toString())).isFalse();
    }

    @Provide
    Arbitrary<String> dateForms() {
        return Arbitraries.of("yyyy-MM-dd", "yyyy/M/d", "yyyy年M月d日", "yyyyMMdd", "yyyy.M.d");
    }

    @Property
    void everyRealDateReadsBackInEveryFormOfficesWrite(@ForAll("dateForms") String form,
                                                       @ForAll @net.jqwik.time.api.constraints.DateRange(min = "1900-01-01", max = "2099-12-31") LocalDate date) {
        String text = date.format(DateTimeFormatter.ofPattern(form));
        SheetValues.Reading reading = read(text);
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.draft().birthDate()).isEqualTo(date);
    }

    @Property
    void aDayOrMonthThatDoesNotExistIsAProblemNotAnotherDate(@ForAll @IntRange(min = 1900, max = 2099) int year,
                                                             @ForAll @IntRange(min = 1, max = 12) int month,
                                                             @ForAll @IntRange(min = 29, max = 40) int day) {
        Assume.that(day > LocalDate.of(year, month, 1).lengthOfMonth());
        SheetValues.Reading reading = read(year + "-" + month + "-" + day);
        assertThat(reading.problems()).extracting(Problem::key).containsExactly("member.import.date");
        assertThat(reading.draft().birthDate()).isNull();
    }

    private static SheetValues.Reading read(String birthDate) {
        SheetValues.Places nowhere = new SheetValues.Places() {
            @Override
            public Optional<Long> branch(String nameOrCode) {
                return Optional.empty();
            }

            @Override
            public Optional<Long> compound(long branchId, String name) {
                return Optional.empty();
            }

            @Override
            public Optional<Long> building(long compoundId, String name) {
                return Optional.empty();
            }
        };
        Map<LedgerColumn, SheetRow.Cell> cells = new EnumMap<>(LedgerColumn.class);
        cells.put(LedgerColumn.BIRTH_DATE, SheetRow.Cell.text(birthDate, "C2"));
        return SheetValues.read(new SheetRow(2, cells), new Dictionaries.Snapshot(Map.of()), nowhere);
    }
}
