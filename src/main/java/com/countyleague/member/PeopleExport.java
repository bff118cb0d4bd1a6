package com.countyleague.member;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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

    /**
     * The columns of the national member system's (智慧团建) member import sheet, in its order; how each is
     * filled from the ledger is written in docs/national-export.md.
     */
    public static final List<String> NATIONAL_COLUMNS = List.of("姓名", "证件类型", "身份证号", "民族", "政治面貌", "入团年月", "团员编号",
            "所在团支部", "团内现任职务", "任现职年月", "团干部性质", "全日制学历", "最高学历", "学习工作单位", "手机号码");

    private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /** Not read-only: the audit line is written in the same transaction as the reading. */
    @Transactional
    public void export(PersonSearch search, OutputStream out) {
        Actor actor = people.requireLedgerKeeper();
        List<Long> ids = people.allIds(search);
        Dictionaries.Snapshot snapshot = dictionaries.snapshot();
        Map<String, Long> branchesByName = units.branches().stream()
                .collect(Collectors.groupingBy(Organization::getName, Collectors.counting()));
        int[] unmasked = {0};
        SheetFiles.write(out, rows -> inChunks(ids, actor, shown -> {
            Map<Long, Compound> compounds = units.compounds(shown.stream().map(s -> s.person().getCompoundId())
                    .filter(id -> id != null).collect(Collectors.toSet()));
            Map<Long, Building> buildings = units.buildings(shown.stream().map(s -> s.person().getBuildingId())
                    .filter(id -> id != null).collect(Collectors.toSet()));
            for (Shown person : shown) {
                Person p = person.person();
                unmasked[0] += person.revealed() ? 1 : 0;
                rows.row(SheetValues.write(p, person.idNumber(),
                        SheetValues.unitName(person.unit().getName(), person.unit().getCode(),
                                branchesByName.getOrDefault(person.unit().getName(), 0L) > 1),
                        p.getCompoundId() == null ? null : compounds.get(p.getCompoundId()).getName(),
                        p.getBuildingId() == null ? null : buildings.get(p.getBuildingId()).getName(),
                        snapshot));
            }
        }));
        audit.recordExport("EXPORT_PEOPLE", "ledger:" + search.ledger(), describe(search) + "; rows " + ids.size()
                + ", identity numbers in full " + unmasked[0], ids);
    }

    /**
     * The League members of the list as it is filtered, in the national member system's import layout, so
     * that nobody types them a second time there. Identity numbers in full only for those who may reveal
     * them; audited like the ledger export.
     */
    @Transactional
    public void exportNational(PersonSearch search, OutputStream out) {
        Actor actor = people.requireLedgerKeeper();
        PersonSearch members = new PersonSearch(Ledger.LEAGUE_MEMBER, search.under(), search.compoundId(), search.buildingId(), search.ageFrom(),
                search.ageTo(), search.backbone(), search.tag(), search.gridRole(), search.status(), search.text(), search.sort(), search.registered());
        List<Long> ids = people.allIds(members);
        Dictionaries.Snapshot snapshot = dictionaries.snapshot();
        int[] unmasked = {0};
        SheetFiles.writeTable(out, "团员", NATIONAL_COLUMNS, NATIONAL_COLUMNS.indexOf("身份证号"), rows -> inChunks(ids, actor, shown -> {
            for (Shown person : shown) {
                Person p = person.person();
                unmasked[0] += person.revealed() ? 1 : 0;
                rows.accept(Arrays.asList(p.getName(), "居民身份证", person.idNumber(),
                        label(snapshot, DictionaryKind.ETHNICITY, p.getEthnicity()),
                        label(snapshot, DictionaryKind.POLITICAL_STATUS, p.getPoliticalStatus()),
                        p.getJoinedLeagueOn() == null ? null : YEAR_MONTH.format(p.getJoinedLeagueOn()),
                        p.getLeagueNumber(), person.unit().getName(),
                        label(snapshot, DictionaryKind.LEAGUE_POST, p.getLeaguePost()),
                        null, null, null,
                        label(snapshot, DictionaryKind.EDUCATION, p.getEducation()),
                        p.getWorkplace(), p.getMobile()));
            }
        }));
        audit.recordExport("EXPORT_NATIONAL", "ledger:" + Ledger.LEAGUE_MEMBER, describe(members) + "; rows " + ids.size()
                + ", identity numbers in full " + unmasked[0], ids);
    }

    /** A person as an export shows them: their unit, and their identity number in full or masked by the caller's right. */
    private record Shown(Person person, Organization unit, String idNumber, boolean revealed) {
    }

    /** Loads the people in chunks, in list order, each with their unit and the identity number the caller may see. */
    private void inChunks(List<Long> ids, Actor actor, Consumer<List<Shown>> chunkWriter) {
        Map<Long, Organization> unitCache = new HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Map<Long, Person> byId = personRepository.findAllByIds(chunk).stream()
                    .collect(Collectors.toMap(Person::getId, Function.identity()));
            List<Person> persons = chunk.stream().map(byId::get).toList();
            Set<Long> missingUnits = persons.stream().map(Person::getOrganizationId)
                    .filter(id -> !unitCache.containsKey(id)).collect(Collectors.toSet());
            unitCache.putAll(units.organizations(missingUnits));
            List<Shown> shown = persons.stream().map(p -> {
                Organization unit = unitCache.get(p.getOrganizationId());
                boolean reveal = people.mayReveal(actor, unit);
                return new Shown(p, unit, reveal ? people.decryptedIdNumber(p) : p.getIdNumberMasked(), reveal);
            }).toList();
            chunkWriter.accept(shown);
        }
    }

    private static String label(Dictionaries.Snapshot dictionaries, DictionaryKind kind, String code) {
        return code == null ? null : dictionaries.label(kind, code);
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
