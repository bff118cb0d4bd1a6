package com.countyleague.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.countyleague.org.Building;
import com.countyleague.org.Compound;
import com.countyleague.org.Organization;

import org.springframework.stereotype.Component;

/**
 * Every rule a person's record must keep, in one place, for the form and the import alike. Facts
 * from elsewhere (dictionaries, units, other people's numbers) come through {@link Facts}, so an
 * import of ten thousand rows can answer them from memory.
 */
@Component
class PersonChecks {

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final PersonalData personalData;

    PersonChecks(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** What the checks need to know beyond the draft itself. */
    interface Facts {
        LocalDate today();

        Dictionaries.Snapshot dictionaries();

        Optional<Organization> organization(long id);

        Optional<Compound> compound(long id);

        Optional<Building> building(long id);

        /** The person who already holds the identity number with this blind index, if any. */
        Optional<Long> holderOf(String idNumberHash);
    }

    /**
     * Problems of a draft. For a new person {@code existing} is {@code null}; a change keeps the
     * existing name, identity number, birth date and gender (only a correction changes them), and
     * codes the person already carries stay acceptable even if their dictionary entry has since been
     * disabled.
     */
    List<Problem> check(PersonDraft draft, Person existing, Facts facts) {
        List<Problem> problems = new ArrayList<>();
        LocalDate today = facts.today();
        if (existing == null) {
            checkName(draft.name(), problems);
            checkIdNumber(draft, null, facts, problems);
        }
        // gender and birth date come from a valid identity number when left out; with an invalid one,
        // the number's own problem is what the user needs to see
        if (draft.birthDate() != null && (draft.birthDate().isAfter(today) || draft.birthDate().isBefore(EARLIEST_BIRTH))) {
            problems.add(new Problem("birthDate", "member.birth-date.range"));
        }
        if (draft.mobile() != null && !MobileNumber.valid(draft.mobile())) {
            problems.add(new Problem("mobile", "member.mobile.format"));
        }
        if (draft.ledger() == null) {
            problems.add(new Problem("ledger", "validation.required"));
        } else if (draft.ledger() == Ledger.LEAGUE_MEMBER && draft.birthDate() != null
                && draft.birthDate().plusYears(Person.MINIMUM_MEMBER_AGE).isAfter(today)) {
            problems.add(new Problem("ledger", "member.ledger.too-young", Person.MINIMUM_MEMBER_AGE));
        }
        checkPlace(draft, facts, problems);
        Dictionaries.Snapshot dictionaries = facts.dictionaries();
        checkCode(dictionaries, DictionaryKind.POLITICAL_STATUS, "politicalStatus", draft.politicalStatus(),
                existing == null ? null : existing.getPoliticalStatus(), problems);
        checkCode(dictionaries, DictionaryKind.EDUCATION, "education", draft.education(),
                existing == null ? null : existing.getEducation(), problems);
        checkCode(dictionaries, DictionaryKind.SOURCE_CHANNEL, "sourceChannel", draft.sourceChannel(),
                existing == null ? null : existing.getSourceChannel(), problems);
        checkCode(dictionaries, DictionaryKind.ETHNICITY, "ethnicity", draft.ethnicity(),
                existing == null ? null : existing.getEthnicity(), problems);
        checkCode(dictionaries, DictionaryKind.LEAGUE_POST, "leaguePost", draft.leaguePost(),
                existing == null ? null : existing.getLeaguePost(), problems);
        for (String tag : draft.tags()) {
            boolean kept = existing != null && existing.getTags().contains(tag);
            if (!kept && !dictionaries.accepts(DictionaryKind.TAG, tag)) {
                problems.add(new Problem("tags", "member.dictionary.unknown", tag));
            }
        }
        checkDates(draft, today, problems);
        checkLength("workplace", draft.workplace(), 100, problems);
        checkLength("skills", draft.skills(), 200, problems);
        checkLength("notes", draft.notes(), 500, problems);
        return problems;
    }

    /** A name as a correction or a new record gives it. */
    void checkName(String name, List<Problem> problems) {
        if (name == null) {
            problems.add(new Problem("name", "validation.required"));
        } else if (name.length() > Person.MAX_NAME_LENGTH) {
            problems.add(new Problem("name", "member.name.length", Person.MAX_NAME_LENGTH));
        } else if (!Person.isPlausibleName(name)) {
            problems.add(new Problem("name", "member.name.format"));
        }
    }

    /** The identity number of a new record or a correction: valid, agreeing with birth date and gender, and nobody else's. */
    void checkIdNumber(PersonDraft draft, Long self, Facts facts, List<Problem> problems) {
        if (draft.idNumber() == null || draft.idNumber().isBlank()) {
            problems.add(new Problem("idNumber", "validation.required"));
            return;
        }
        Optional<String> problem = IdNumber.problem(draft.idNumber());
        if (problem.isPresent()) {
            problems.add(new Problem("idNumber", problem.get()));
            return;
        }
        IdNumber id = IdNumber.of(draft.idNumber());
        if (draft.birthDate() != null && !draft.birthDate().equals(id.birthDate())) {
            problems.add(new Problem("birthDate", "member.id.birth-mismatch"));
        }
        if (draft.gender() != null && draft.gender() != id.gender()) {
            problems.add(new Problem("gender", "member.id.gender-mismatch"));
        }
        facts.holderOf(personalData.blindIndex(id)).filter(holder -> !holder.equals(self))
                .ifPresent(holder -> problems.add(new Problem("idNumber", "member.id.taken")));
    }

    private static void checkPlace(PersonDraft draft, Facts facts, List<Problem> problems) {
        if (draft.organizationId() == null) {
            problems.add(new Problem("organizationId", "validation.required"));
            return;
        }
        Optional<Organization> organization = facts.organization(draft.organizationId());
        if (organization.isEmpty() || !organization.get().getType().isBranch()) {
            problems.add(new Problem("organizationId", "member.organization.branch-only"));
            return;
        }
        if (draft.compoundId() != null) {
            Optional<Compound> compound = facts.compound(draft.compoundId());
            if (compound.isEmpty() || !compound.get().getBranchId().equals(draft.organizationId())) {
                problems.add(new Problem("compoundId", "member.compound.other-branch"));
            }
        }
        if (draft.buildingId() != null) {
            Optional<Building> building = facts.building(draft.buildingId());
            if (draft.compoundId() == null || building.isEmpty() || !building.get().getCompoundId().equals(draft.compoundId())) {
                problems.add(new Problem("buildingId", "member.building.other-compound"));
            }
        }
    }

    private static void checkDates(PersonDraft draft, LocalDate today, List<Problem> problems) {
        if (draft.joinedLeagueOn() != null && (draft.joinedLeagueOn().isAfter(today)
                || (draft.birthDate() != null && !draft.joinedLeagueOn().isAfter(draft.birthDate())))) {
            problems.add(new Problem("joinedLeagueOn", "member.date.range"));
        }
        if (!LeagueNumbers.fits(draft.leagueNumber(), draft.joinedLeagueOn())) {
            problems.add(new Problem("leagueNumber", "member.league-number.format"));
        }
        if (draft.volunteerRegisteredOn() != null && draft.volunteerRegisteredOn().isAfter(today)) {
            problems.add(new Problem("volunteerRegisteredOn", "member.date.range"));
        }
    }

    private static void checkCode(Dictionaries.Snapshot dictionaries, DictionaryKind kind, String field, String code,
                                  String current, List<Problem> problems) {
        if (code != null && !Objects.equals(code, current) && !dictionaries.accepts(kind, code)) {
            problems.add(new Problem(field, "member.dictionary.unknown", code));
        }
    }

    private static void checkLength(String field, String value, int max, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, "member.length", max));
        }
    }
}
