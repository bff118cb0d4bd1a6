package com.countyleague.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.countyleague.account.Actor;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.RuleViolationException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * League membership by the constitution: a youth joins (入团); a member who has reached 28 and holds
 * no League post retires (超龄离团) after a secretary confirms it — never silently. Post holders past
 * 28 are listed apart: their branch decides when they step down.
 */
@Service
public class Memberships {

    private final PersonRepository personRepository;
    private final People people;
    private final PersonHistory history;
    private final UnitLookup units;
    private final Clock clock;

    Memberships(PersonRepository personRepository, People people, PersonHistory history, UnitLookup units, Clock clock) {
        this.personRepository = personRepository;
        this.people = people;
        this.history = history;
        this.units = units;
        this.clock = clock;
    }

    /** Members past the League age in the caller's reach (or below a unit of it), split by whether they hold a post. */
    public record PastLeagueAge(List<PersonRow> withoutPost, List<PersonRow> withPost) {
    }

    @Transactional(readOnly = true)
    public PastLeagueAge pastLeagueAge(Long under) {
        Actor actor = people.requireLedgerKeeper();
        LocalDate today = LocalDate.now(clock);
        List<Long> reach = people.unitsToSearch(actor, under);
        Collection<Long> scope = reach == null ? units.branchIdsWithin("/") : reach;
        List<Person> due = scope.isEmpty() ? List.of()
                : personRepository.findPastLeagueAge(scope, today.minusYears(Person.RETIREMENT_AGE));
        List<PersonRow> rows = people.named(due.stream().map(PersonListing.Raw::of).toList(), today);
        return new PastLeagueAge(rows.stream().filter(r -> r.leaguePost() == null).toList(),
                rows.stream().filter(r -> r.leaguePost() != null).toList());
    }

    /** Retires the chosen members at once; if any of them may not retire, none does. */
    @Transactional
    public int retire(Collection<Long> personIds) {
        Actor actor = people.requireLedgerKeeper();
        LocalDate today = LocalDate.now(clock);
        List<Person> chosen = personIds.stream().distinct().map(id -> people.reachable(actor, id)).toList();
        chosen.forEach(p -> p.retire(today, clock.instant()));
        history.recordAll(chosen, PersonEvent.Type.RETIRED, null);
        return chosen.size();
    }

    /** Records (or clears) the national volunteer number of a person of the caller's reach; one person holds each number. */
    @Transactional
    public void recordVolunteerNumber(long personId, String number) {
        Actor actor = people.requireLedgerKeeper();
        Person person = people.reachable(actor, personId);
        String normalized = Person.volunteerNumber(number);
        if (normalized != null && personRepository.findIdByVolunteerNumber(normalized).filter(holder -> holder != personId).isPresent()) {
            throw new RuleViolationException("volunteerNumber", "member.volunteer-number.taken");
        }
        String before = person.getVolunteerNumber();
        if (!Objects.equals(before, normalized)) {
            person.recordVolunteerNumber(normalized);
            history.record(person, PersonEvent.Type.UPDATED, "志愿者编号 " + (before == null ? "—" : before) + " → "
                    + (normalized == null ? "—" : normalized), null);
        }
    }

    /** 入团: a youth of the caller's reach becomes a league member. */
    @Transactional
    public void joinLeague(long personId, LocalDate on, String leagueNumber) {
        Actor actor = people.requireLedgerKeeper();
        Person person = people.reachable(actor, personId);
        person.joinLeague(on, leagueNumber, LocalDate.now(clock), clock.instant());
        history.record(person, PersonEvent.Type.JOINED_LEAGUE, on.toString(), null);
    }
}
