package com.countyleague.member;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading cells as real sheets fill them. */
class SheetValuesTests {

    private static final Dictionaries.Snapshot NO_DICTIONARIES = new Dictionaries.Snapshot(Map.of());
    private static final SheetValues.Places ONE_BRANCH = new SheetValues.Places() {
        @Override
        public Optional<Long> branch(String nameOrCode) {
            return "翠湖社区团支部".equals(nameOrCode) || "DC-LH-01".equalsIgnoreCase(nameOrCode) ? Optional.of(7L) : Optional.empty();
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

    @ParameterizedTest
    @ValueSource(strings = {"1998-05-01", "1998/5/1", "1998年5月1日", "19980501", "１９９８－０５－０１", " 1998.5.1 "})
    void textDatesInTheFormsOfficesWriteThem(String text) {
        assertThat(read(Map.of(LedgerColumn.BIRTH_DATE, SheetRow.Cell.text(text, "C2"))).draft().birthDate())
                .isEqualTo(LocalDate.of(1998, 5, 1));
    }

    @Test
    void excelDateCellsAndNumbersThatAreDates() {
        assertThat(read(Map.of(LedgerColumn.BIRTH_DATE, new SheetRow.Cell(null, null, LocalDate.of(1998, 5, 1), "C2")))
                .draft().birthDate()).isEqualTo(LocalDate.of(1998, 5, 1));
        assertThat(read(Map.of(LedgerColumn.BIRTH_DATE, new SheetRow.Cell(null, 19980501d, null, "C2")))
                .draft().birthDate()).isEqualTo(LocalDate.of(1998, 5, 1));
        assertThat(read(Map.of(LedgerColumn.BIRTH_DATE, new SheetRow.Cell(null, 35916d, null, "C2")))
                .draft().birthDate()).isEqualTo(LocalDate.of(1998, 5, 1));
    }

    @Test
    void anImpossibleDateIsAProblemOfItsColumn() {
        SheetValues.Reading reading = read(Map.of(LedgerColumn.BIRTH_DATE, SheetRow.Cell.text("1998-02-30", "C2")));
        assertThat(reading.problems()).extracting(Problem::field, Problem::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple("birthDate", "member.import.date"));
    }

    @Test
    void anIdNumberStoredAsANumberNamesItsCell() {
        SheetValues.Reading reading = read(Map.of(LedgerColumn.ID_NUMBER, new SheetRow.Cell(null, 1.10105194912310E17, null, "D7")));
        assertThat(reading.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("member.import.id-as-number");
            assertThat(p.args()).containsExactly("D7");
        });
    }

    @Test
    void fullWidthSpacedAndLowerCaseIdNumbersAreCleaned() {
        SheetValues.Reading reading = read(Map.of(LedgerColumn.ID_NUMBER, SheetRow.Cell.text(" １１０１０５ 19491231002x　", "D2")));
        assertThat(reading.draft().idNumber()).isEqualTo("11010519491231002X");
        assertThat(reading.draft().birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(reading.draft().gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void namesKeepTheMiddleDotInOneForm() {
        assertThat(read(Map.of(LedgerColumn.NAME, SheetRow.Cell.text(" 阿卜杜拉 • 买买提 ", "A2"))).draft().name())
                .isEqualTo("阿卜杜拉·买买提");
    }

    @Test
    void mobilesStoredAsNumbersOrWrittenWithSpacesAndPrefix() {
        assertThat(read(Map.of(LedgerColumn.MOBILE, new SheetRow.Cell(null, 13800138000d, null, "E2"))).draft().mobile())
                .isEqualTo("13800138000");
        assertThat(read(Map.of(LedgerColumn.MOBILE, SheetRow.Cell.text("+86 138-0013-8000", "E2"))).draft().mobile())
                .isEqualTo("13800138000");
    }

    @Test
    void unitsByNameOrCodeOnlyWithinReach() {
        assertThat(read(Map.of(LedgerColumn.ORGANIZATION, SheetRow.Cell.text("dc-lh-01", "H2"))).draft().organizationId()).isEqualTo(7L);
        SheetValues.Reading elsewhere = read(Map.of(LedgerColumn.ORGANIZATION, SheetRow.Cell.text("金桂社区团支部", "H2")));
        assertThat(elsewhere.draft().organizationId()).isNull();
        assertThat(elsewhere.problems()).extracting(Problem::key).containsExactly("member.import.unknown-organization");
    }

    @Test
    void choicesInWordsAndGridRolesInLists() {
        SheetValues.Reading reading = read(Map.of(
                LedgerColumn.LEDGER, SheetRow.Cell.text("青年", "F2"),
                LedgerColumn.BACKBONE, SheetRow.Cell.text("是", "P2"),
                LedgerColumn.GRID_ROLES, SheetRow.Cell.text("网格员、宣传员", "Q2"),
                LedgerColumn.GENDER, SheetRow.Cell.text("女", "B2")));
        assertThat(reading.problems()).isEmpty();
        assertThat(reading.draft().ledger()).isEqualTo(Ledger.YOUTH);
        assertThat(reading.draft().backbone()).isTrue();
        assertThat(reading.draft().gridRoles()).containsExactlyInAnyOrder(GridRole.GRID_MEMBER, GridRole.PUBLICIST);
        assertThat(reading.draft().gender()).isEqualTo(Gender.FEMALE);
    }

    @Test
    void writtenValuesReadBackTheSame() {
        assertThat(SheetValues.unitName("第一团支部", "X-1", true)).isEqualTo("第一团支部（X-1）");
        assertThat(SheetValues.codeIn("第一团支部（X-1）")).contains("X-1");
        assertThat(SheetValues.codeIn("第一团支部")).isEmpty();
    }

    private static SheetValues.Reading read(Map<LedgerColumn, SheetRow.Cell> cells) {
        return SheetValues.read(new SheetRow(2, new EnumMap<>(cells)), NO_DICTIONARIES, ONE_BRANCH);
    }

}
