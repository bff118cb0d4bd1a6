package com.countyleague.member;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Everything a secretary records about a person, as a form or an import row gives it. The identity
 * number is the raw text as typed; {@link PersonChecks} says what is wrong with a draft.
 */
public record PersonDraft(
        String name,
        Gender gender,
        LocalDate birthDate,
        String idNumber,
        String mobile,
        Ledger ledger,
        String politicalStatus,
        Long organizationId,
        Long compoundId,
        Long buildingId,
        String workplace,
        String education,
        String sourceChannel,
        List<String> tags,
        String skills,
        boolean backbone,
        Set<GridRole> gridRoles,
        String ethnicity,
        LocalDate joinedLeagueOn,
        String leagueNumber,
        String leaguePost,
        LocalDate volunteerRegisteredOn,
        PersonStatus status,
        String notes) {

    public PersonDraft {
        tags = tags == null ? List.of() : List.copyOf(tags);
        gridRoles = gridRoles == null ? Set.of() : Set.copyOf(gridRoles);
        name = Person.normalizeName(name);
        mobile = normalizeMobile(mobile);
        workplace = blankToNull(workplace);
        skills = blankToNull(skills);
        leagueNumber = blankToNull(leagueNumber);
        notes = blankToNull(notes);
        politicalStatus = blankToNull(politicalStatus);
        education = blankToNull(education);
        sourceChannel = blankToNull(sourceChannel);
        ethnicity = blankToNull(ethnicity);
        leaguePost = blankToNull(leaguePost);
        status = status == null ? PersonStatus.ACTIVE : status;
        // birth date and gender can be read from a valid identity number when left out
        if (idNumber != null && IdNumber.problem(idNumber).isEmpty()) {
            IdNumber id = IdNumber.of(idNumber);
            birthDate = birthDate == null ? id.birthDate() : birthDate;
            gender = gender == null ? id.gender() : gender;
        }
    }

    /** This draft with the name, birth date and gender the person already has (they change only by correction). */
    PersonDraft withIdentityOf(Person person) {
        return new PersonDraft(person.getName(), person.getGender(), person.getBirthDate(), null, mobile, ledger,
                politicalStatus, organizationId, compoundId, buildingId, workplace, education, sourceChannel, tags, skills,
                backbone, gridRoles, ethnicity, joinedLeagueOn, leagueNumber, leaguePost, volunteerRegisteredOn, status, notes);
    }

    /** Mainland mobiles as people write them: full-width digits, spaces, dashes, a +86 in front. */
    static String normalizeMobile(String mobile) {
        String digits = blankToNull(mobile);
        if (digits == null) {
            return null;
        }
        digits = Normalizer.normalize(digits, Normalizer.Form.NFKC).replaceAll("[\\s-]", "");
        return digits.startsWith("+86") ? digits.substring(3) : digits;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
