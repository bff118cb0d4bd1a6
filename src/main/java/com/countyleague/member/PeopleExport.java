package com.countyleague.member;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.AuditTrail;
import com.countyleague.org.Building;
import com.countyleague.org.Compound;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports a ledger list as it is filtered, streamed into an xlsx in the import's own columns, so
 * the file imports back unchanged. Identity numbers are in full only for those who may reveal them;
 * every export is audited.
 */
@Service
public class PeopleExport {

    private static final int CHUNK = 500;

    private final People people;
    private final PersonRepository personRepository;
    private final Dictionaries dictionaries;
    private final UnitLookup units;
    private final AuditTrail audit;

    PeopleExport(People people, PersonRepository personRepository, Dictionaries dictionaries, UnitLookup units, AuditTrail audit) {
        this.people = people;
        this.personRepository = personRepository;
        this.dictionaries = dictionaries;
        this.units = units;
        this.audit = audit;
    }

    /** Not read-only: the audit line is written in the same transaction as the reading. */
    @Transactional
    public void export(PersonSearch search, OutputStream out) {
        Actor actor = people.requireLedgerKeeper();
        List<Long> ids = people.allIds(search);
        Dictionaries.Snapshot snapshot = dictionaries.snapshot();
        Map<String, Long> branchesByName = units.branches().stream()
                .collect(Collectors.groupingBy(Organization::getName, Collectors.counting()));
        Map<Long, Organization> unitCache = new HashMap<>();
        int[] unmasked = {0};
        SheetFiles.write(out, rows -> {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                Map<Long, Person> byId = personRepository.findAllByIds(chunk).stream()
                        .collect(Collectors.toMap(Person::getId, Function.identity()));
                List<Person> persons = chunk.stream().map(byId::get).toList();
                Set<Long> missingUnits = persons.stream().map(Person::getOrganizationId)
                        .filter(id -> !unitCache.containsKey(id)).collect(Collectors.toSet());
                unitCache.putAll(units.organizations(missingUnits));
                Map<Long, Compound> compounds = units.compounds(persons.stream().map(Person::getCompoundId)
                        .filter(id -> id != null).collect(Collectors.toSet()));
                Map<Long, Building> buildings = units.buildings(persons.stream().map(Person::getBuildingId)
                        .filter(id -> id != null).collect(Collectors.toSet()));
                for (Person person : persons) {
                    Organization unit = unitCache.get(person.getOrganizationId());
                    boolean reveal = people.mayReveal(actor, unit);
                    if (reveal) {
                        unmasked[0]++;
                    }
                    rows.row(SheetValues.write(person,
                            reveal ? people.decryptedIdNumber(person) : person.getIdNumberMasked(),
                            SheetValues.unitName(unit.getName(), unit.getCode(), branchesByName.getOrDefault(unit.getName(), 0L) > 1),
                            person.getCompoundId() == null ? null : compounds.get(person.getCompoundId()).getName(),
                            person.getBuildingId() == null ? null : buildings.get(person.getBuildingId()).getName(),
                            snapshot));
                }
            }
        });
        audit.recordExport("EXPORT_PEOPLE", "ledger:" + search.ledger(), describe(search) + "; rows " + ids.size()
                + ", identity numbers in full " + unmasked[0], ids);
    }

    /** The filter, for the audit line; an identity number searched for is recorded masked. */
    private static String describe(PersonSearch search) {
        String text = search.text() == null ? "" : search.text();
        if (IdNumber.problem(text).isEmpty()) {
            text = IdNumber.of(text).masked();
        }
        return "under=" + search.under() + ", status=" + search.status() + ", text=" + text;
    }
}
