package com.countyleague.member;

import com.countyleague.web.RuleViolationException;
import com.countyleague.web.XlsxRows;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The words of a ledger sheet, both ways: how a record is written into cells (export) and how cells
 * as real offices fill them are read back into a record (import) — text dates in several forms,
 * full-width characters, stray spaces, labels or codes of dictionaries. A record exported and
 * imported back is the same record.
 */
final class SheetValues {

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern WITH_CODE = Pattern.compile("(.+?)\\s*[(（]\\s*([A-Za-z0-9_-]+)\\s*[)）]");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,，;；/\\s]+");

    // the words in enumeration order, so a message listing them lists them as the template does
    private static final Map<Gender, String> GENDERS = new EnumMap<>(Map.of(Gender.MALE, "男", Gender.FEMALE, "女"));
    private static final Map<Ledger, String> LEDGERS = new EnumMap<>(Map.of(Ledger.LEAGUE_MEMBER, "团员", Ledger.YOUTH, "青年"));
    private static final Map<PersonStatus, String> STATUSES = new EnumMap<>(Map.of(PersonStatus.ACTIVE, "在册",
            PersonStatus.TRANSFERRED_OUT, "已转出", PersonStatus.RETIRED, "超龄离团", PersonStatus.LEFT, "已退出"));
    private static final Map<GridRole, String> GRID_ROLES = new EnumMap<>(Map.of(GridRole.GRID_MEMBER, "网格员",
            GridRole.INFORMANT, "信息员", GridRole.PUBLICIST, "宣传员"));

    private SheetValues() {
    }

    /** Where rows' units, compounds and buildings are found: only within the importer's reach. */
    interface Places {
        /** The branch a name or code names; empty when unknown or outside the reach, or when the name is ambiguous. */
        Optional<Long> branch(String nameOrCode);

        Optional<Long> compound(long branchId, String name);

        Optional<Long> building(long compoundId, String name);
    }

    /** A row read into a draft, with what could not be read. */
    /** A row's record, its national volunteer number (null when the cell is empty: the record keeps its own), and what is wrong. */
    record Reading(PersonDraft draft, String volunteerNumber, List<Problem> problems) {
    }

    static Reading read(SheetRow row, Dictionaries.Snapshot dictionaries, Places places) {
        List<Problem> problems = new ArrayList<>();
        Reader r = new Reader(row, problems);

        String idNumber = r.idNumber();
        Long branch = null;
        Long compound = null;
        Long building = null;
        String unit = r.text(LedgerColumn.ORGANIZATION);
        if (unit != null) {
            branch = places.branch(unit).orElse(null);
            if (branch == null) {
                r.problem(LedgerColumn.ORGANIZATION, "member.import.unknown-organization", unit);
            }
        }
        String compoundName = r.text(LedgerColumn.COMPOUND);
        if (branch != null && compoundName != null) {
            compound = places.compound(branch, compoundName).orElse(null);
            if (compound == null) {
                r.problem(LedgerColumn.COMPOUND, "member.import.unknown-compound", compoundName);
            }
        }
        String buildingName = r.text(LedgerColumn.BUILDING);
        if (compound != null && buildingName != null) {
            building = places.building(compound, buildingName).orElse(null);
            if (building == null) {
                r.problem(LedgerColumn.BUILDING, "member.import.unknown-building", buildingName);
            }
        } else if (buildingName != null && compoundName == null) {
            r.problem(LedgerColumn.BUILDING, "member.building.other-compound");
        }

        PersonDraft draft = new PersonDraft(
                r.text(LedgerColumn.NAME),
                r.choice(LedgerColumn.GENDER, GENDERS, Map.of("男性", Gender.MALE, "女性", Gender.FEMALE,
                        "M", Gender.MALE, "F", Gender.FEMALE)),
                r.date(LedgerColumn.BIRTH_DATE),
                idNumber,
                r.digits(LedgerColumn.MOBILE),
                r.choice(LedgerColumn.LEDGER, LEDGERS, Map.of("团员台账", Ledger.LEAGUE_MEMBER, "青年台账", Ledger.YOUTH)),
                r.code(LedgerColumn.POLITICAL_STATUS, DictionaryKind.POLITICAL_STATUS, dictionaries),
                branch, compound, building,
                r.text(LedgerColumn.WORKPLACE),
                r.code(LedgerColumn.EDUCATION, DictionaryKind.EDUCATION, dictionaries),
                r.code(LedgerColumn.SOURCE_CHANNEL, DictionaryKind.SOURCE_CHANNEL, dictionaries),
                r.codes(LedgerColumn.TAGS, DictionaryKind.TAG, dictionaries),
                r.text(LedgerColumn.SKILLS),
                r.yesNo(LedgerColumn.BACKBONE),
                r.gridRoles(),
                r.code(LedgerColumn.ETHNICITY, DictionaryKind.ETHNICITY, dictionaries),
                r.date(LedgerColumn.JOINED_LEAGUE_ON),
                r.digits(LedgerColumn.LEAGUE_NUMBER),
                r.code(LedgerColumn.LEAGUE_POST, DictionaryKind.LEAGUE_POST, dictionaries),
                r.date(LedgerColumn.VOLUNTEER_REGISTERED_ON),
                r.choice(LedgerColumn.STATUS, STATUSES, Map.of()),
                r.text(LedgerColumn.NOTES));
        String volunteerNumber = null;
        String number = r.text(LedgerColumn.VOLUNTEER_NUMBER);
        if (number != null) {
            try {
                volunteerNumber = Person.volunteerNumber(number);
            } catch (RuleViolationException malformed) {
                r.problem(LedgerColumn.VOLUNTEER_NUMBER, malformed.messageKey());
            }
        }
        return new Reading(draft, volunteerNumber, problems);
    }

    /** The cells of a record as an export writes them. */
    static Map<LedgerColumn, String> write(Person p, String idNumber, String unit, String compound, String building,
                                           Dictionaries.Snapshot dictionaries) {
        Map<LedgerColumn, String> values = new EnumMap<>(LedgerColumn.class);
        values.put(LedgerColumn.NAME, p.getName());
        values.put(LedgerColumn.GENDER, GENDERS.get(p.getGender()));
        values.put(LedgerColumn.BIRTH_DATE, date(p.getBirthDate()));
        values.put(LedgerColumn.ID_NUMBER, idNumber);
        values.put(LedgerColumn.MOBILE, p.getMobile());
        values.put(LedgerColumn.LEDGER, LEDGERS.get(p.getLedger()));
        values.put(LedgerColumn.POLITICAL_STATUS, label(dictionaries, DictionaryKind.POLITICAL_STATUS, p.getPoliticalStatus()));
        values.put(LedgerColumn.ORGANIZATION, unit);
        values.put(LedgerColumn.COMPOUND, compound);
        values.put(LedgerColumn.BUILDING, building);
        values.put(LedgerColumn.WORKPLACE, p.getWorkplace());
        values.put(LedgerColumn.EDUCATION, label(dictionaries, DictionaryKind.EDUCATION, p.getEducation()));
        values.put(LedgerColumn.SOURCE_CHANNEL, label(dictionaries, DictionaryKind.SOURCE_CHANNEL, p.getSourceChannel()));
        values.put(LedgerColumn.TAGS, p.getTags().stream().map(t -> dictionaries.label(DictionaryKind.TAG, t)).collect(Collectors.joining("、")));
        values.put(LedgerColumn.SKILLS, p.getSkills());
        values.put(LedgerColumn.BACKBONE, p.isBackbone() ? "是" : "否");
        values.put(LedgerColumn.GRID_ROLES, p.getGridRoles().stream().map(GRID_ROLES::get).collect(Collectors.joining("、")));
        values.put(LedgerColumn.ETHNICITY, label(dictionaries, DictionaryKind.ETHNICITY, p.getEthnicity()));
        values.put(LedgerColumn.JOINED_LEAGUE_ON, date(p.getJoinedLeagueOn()));
        values.put(LedgerColumn.LEAGUE_NUMBER, p.getLeagueNumber());
        values.put(LedgerColumn.LEAGUE_POST, label(dictionaries, DictionaryKind.LEAGUE_POST, p.getLeaguePost()));
        values.put(LedgerColumn.VOLUNTEER_REGISTERED_ON, date(p.getVolunteerRegisteredOn()));
        values.put(LedgerColumn.VOLUNTEER_NUMBER, p.getVolunteerNumber());
        values.put(LedgerColumn.STATUS, STATUSES.get(p.getStatus()));
        values.put(LedgerColumn.NOTES, p.getNotes());
        return values;
    }

    /** A unit's name as a sheet names it; with its code in brackets when the name alone is ambiguous. */
    static String unitName(String name, String code, boolean ambiguous) {
        return ambiguous ? name + "（" + code + "）" : name;
    }

    /** The code in "名称（CODE）", when a sheet names a unit that way. */
    static Optional<String> codeIn(String text) {
        Matcher m = WITH_CODE.matcher(clean(text));
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    private static String label(Dictionaries.Snapshot dictionaries, DictionaryKind kind, String code) {
        return code == null ? null : dictionaries.label(kind, code);
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Full-width characters made half-width, spaces of every kind trimmed; {@code null} when nothing is left. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** Reads the cells of one row, noting every cell it cannot read. */
    private static final class Reader {

        private final SheetRow row;
        private final List<Problem> problems;

        Reader(SheetRow row, List<Problem> problems) {
            this.row = row;
            this.problems = problems;
        }

        void problem(LedgerColumn column, String key, Object... args) {
            problems.add(new Problem(column.field, key, args));
        }

        String text(LedgerColumn column) {
            SheetRow.Cell cell = row.cell(column);
            if (cell.date() != null) {
                return cell.date().toString();
            }
            if (cell.number() != null) {
                return XlsxRows.plain(cell.number());
            }
            return clean(cell.text());
        }

        /** Excel keeps 15 significant digits: an 18-digit number typed into a number cell has lost its end. */
        String idNumber() {
            SheetRow.Cell cell = row.cell(LedgerColumn.ID_NUMBER);
            if (cell.number() != null) {
                problem(LedgerColumn.ID_NUMBER, "member.import.id-as-number", cell.address());
                return null;
            }
            String text = text(LedgerColumn.ID_NUMBER);
            return text == null ? null : IdNumber.normalize(text);
        }

        String digits(LedgerColumn column) {
            String text = text(column);
            return text == null ? null : text.replaceAll("\\s", "");
        }

        LocalDate date(LedgerColumn column) {
            SheetRow.Cell cell = row.cell(column);
            if (cell.date() != null) {
                return cell.date();
            }
            if (cell.number() != null) {
                double number = cell.number();
                String plain = XlsxRows.plain(number);
                if (plain.matches("\\d{8}")) {
                    return parse(column, plain);
                }
                if (plain.matches("\\d{5}") && DateUtil.isValidExcelDate(number)) {
                    return DateUtil.getLocalDateTime(number).toLocalDate();
                }
                problem(column, "member.import.date", plain);
                return null;
            }
            String text = clean(cell.text());
            return text == null ? null : parse(column, text);
        }

        private LocalDate parse(LedgerColumn column, String text) {
            Matcher m = DATE.matcher(text);
            if (!m.matches()) {
                m = COMPACT_DATE.matcher(text);
            }
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    // falls through to the problem below
                }
            }
            problem(column, "member.import.date", text);
            return null;
        }

        <T> T choice(LedgerColumn column, Map<T, String> words, Map<String, T> synonyms) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            for (Map.Entry<T, String> word : words.entrySet()) {
                if (word.getValue().equals(text) || (word.getKey() instanceof Enum<?> e && e.name().equalsIgnoreCase(text))) {
                    return word.getKey();
                }
            }
            T synonym = synonyms.get(text.toUpperCase(Locale.ROOT));
            if (synonym == null) {
                synonym = synonyms.get(text);
            }
            if (synonym == null) {
                problem(column, "member.import.choice", text, String.join("/", words.values()));
            }
            return synonym;
        }

        boolean yesNo(LedgerColumn column) {
            String text = text(column);
            if (text == null) {
                return false;
            }
            return switch (text.toUpperCase(Locale.ROOT)) {
                case "是", "Y", "YES", "TRUE", "1", "√" -> true;
                case "否", "N", "NO", "FALSE", "0" -> false;
                default -> {
                    problem(column, "member.import.choice", text, "是/否");
                    yield false;
                }
            };
        }

        String code(LedgerColumn column, DictionaryKind kind, Dictionaries.Snapshot dictionaries) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            Optional<String> code = dictionaries.codeOf(kind, text);
            if (code.isEmpty()) {
                problem(column, "member.dictionary.unknown", text);
            }
            return code.orElse(null);
        }

        List<String> codes(LedgerColumn column, DictionaryKind kind, Dictionaries.Snapshot dictionaries) {
            String text = text(column);
            List<String> codes = new ArrayList<>();
            if (text != null) {
                for (String part : LIST_SEPARATOR.split(text)) {
                    if (!part.isEmpty()) {
                        dictionaries.codeOf(kind, part).ifPresentOrElse(codes::add,
                                () -> problem(column, "member.dictionary.unknown", part));
                    }
                }
            }
            return codes;
        }

        Set<GridRole> gridRoles() {
            String text = text(LedgerColumn.GRID_ROLES);
            Set<GridRole> roles = EnumSet.noneOf(GridRole.class);
            if (text != null) {
                for (String part : LIST_SEPARATOR.split(text)) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    Optional<GridRole> role = Arrays.stream(GridRole.values())
                            .filter(g -> GRID_ROLES.get(g).equals(part) || g.name().equalsIgnoreCase(part)).findFirst();
                    role.ifPresentOrElse(roles::add, () -> problem(LedgerColumn.GRID_ROLES, "member.import.choice", part,
                            String.join("/", GRID_ROLES.values())));
                }
            }
            return roles;
        }
    }
}
