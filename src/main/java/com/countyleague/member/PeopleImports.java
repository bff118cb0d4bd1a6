package com.countyleague.member;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Objects;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.AuditTrail;
import com.countyleague.org.Building;
import com.countyleague.org.Compound;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Importing a ledger sheet: upload → validation → a preview listing every problem by row and column
 * → confirm. All or nothing: a sheet with any problem changes nothing, and the commit checks the
 * sheet again against the data as it is then. Rows matching a person already in the importer's
 * reach update them (an exported sheet imported back changes nothing). Large sheets are validated
 * and committed in the background while the page shows progress.
 */
@Service
public class PeopleImports {

    /** From this many rows on, validation and commit run in the background. */
    public static final int BACKGROUND_FROM_ROWS = 5000;
    private static final int PROGRESS_EVERY = 500;
    private static final Logger log = LoggerFactory.getLogger(PeopleImports.class);

    private final ImportJobRepository jobs;
    private final ImportProblems problems;
    private final PersonRepository personRepository;
    private final People people;
    private final PersonChecks checks;
    private final PersonalData personalData;
    private final PersonHistory history;
    private final Dictionaries dictionaries;
    private final UnitLookup units;
    private final AuditTrail audit;
    private final Clock clock;
    private final TaskExecutor executor;
    private final TransactionTemplate transaction;
    private final TransactionTemplate separateTransaction;

    PeopleImports(ImportJobRepository jobs, ImportProblems problems, PersonRepository personRepository, People people,
                  PersonChecks checks, PersonalData personalData, PersonHistory history, Dictionaries dictionaries,
                  UnitLookup units, AuditTrail audit, Clock clock, @Qualifier("importExecutor") TaskExecutor executor,
                  PlatformTransactionManager transactionManager) {
        this.jobs = jobs;
        this.problems = problems;
        this.personRepository = personRepository;
        this.people = people;
        this.checks = checks;
        this.personalData = personalData;
        this.history = history;
        this.dictionaries = dictionaries;
        this.units = units;
        this.audit = audit;
        this.clock = clock;
        this.executor = executor;
        this.transaction = new TransactionTemplate(transactionManager);
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public record ImportView(ImportJob job, Page<ImportProblems.RowProblem> problems) {
    }

    /** The state a progress bar shows. */
    public record Progress(ImportJob.Status status, int percent, int processedRows, int totalRows) {
    }

    /** Refuses whoever keeps no ledger: the import page is theirs alone. */
    public void requireImporter() {
        people.requireLedgerKeeper();
    }

    /** A blank sheet with the columns, for offices to fill in. */
    public byte[] template() {
        people.requireLedgerKeeper();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SheetFiles.write(out, rows -> { });
        return out.toByteArray();
    }

    /** Stores the sheet and validates it (in the background for large sheets); returns the job to look at. */
    public long upload(String fileName, byte[] content) {
        Actor actor = people.requireLedgerKeeper();
        if (content == null || content.length == 0) {
            throw new RuleViolationException("file", "member.import.empty");
        }
        SheetFiles.Content sheet;
        try {
            sheet = SheetFiles.read(fileName, content);
        } catch (SheetFiles.UnreadableSheetException e) {
            throw new RuleViolationException("file", e.key);
        }
        long jobId = transaction.execute(status -> jobs.save(new ImportJob(actor.username(), actor.accountId(),
                clip(fileName), content, sheet.rows().size(), clock.instant())).getId());
        inBackgroundIfLarge(sheet.rows().size(), () -> validate(jobId, sheet));
        return jobId;
    }

    public ImportView view(long jobId, Pageable pageable) {
        ImportJob job = own(jobId);
        return new ImportView(job, problems.page(jobId, pageable));
    }

    public Progress progress(long jobId) {
        own(jobId);
        ImportJobRepository.Progress p = jobs.progressOf(jobId).orElseThrow();
        int percent = p.totalRows() == 0 ? 100 : Math.min(100, p.processedRows() * 100 / p.totalRows());
        return new Progress(p.status(), percent, p.processedRows(), p.totalRows());
    }

    /** Commits a validated sheet: every row or none. */
    public void confirm(long jobId) {
        ImportJob job = own(jobId);
        transaction.executeWithoutResult(status -> jobs.findById(jobId).orElseThrow().startCommit());
        inBackgroundIfLarge(job.getTotalRows(), () -> commit(jobId));
    }

    /** Row numbers with problems, in order. */
    public List<Integer> problemRows(long jobId) {
        own(jobId);
        return problems.rows(jobId);
    }

    private ImportJob own(long jobId) {
        Actor actor = people.requireLedgerKeeper();
        ImportJob job = jobs.findById(jobId).orElseThrow(() -> new NotFoundException("import", jobId));
        if (!job.getAccountId().equals(actor.accountId())) {
            throw new AccessDeniedException("Import " + jobId + " belongs to someone else");
        }
        return job;
    }

    private void inBackgroundIfLarge(int rows, Runnable work) {
        if (rows < BACKGROUND_FROM_ROWS) {
            work.run();
        } else {
            executor.execute(new DelegatingSecurityContextRunnable(work));
        }
    }

    private void validate(long jobId, SheetFiles.Content sheet) {
        try {
            Plan plan = transaction.execute(status -> plan(sheet, progressOf(jobId)));
            transaction.executeWithoutResult(status -> {
                problems.replace(jobId, plan.problems());
                jobs.findById(jobId).orElseThrow().validated(plan.problems().isEmpty(), plan.created().size(),
                        plan.updated().size(), plan.unchanged());
            });
        } catch (RuntimeException e) {
            fail(jobId, e);
            throw e;
        }
    }

    private void commit(long jobId) {
        try {
            SheetFiles.Content sheet = SheetFiles.read(jobs.findById(jobId).orElseThrow().getFileName(), jobs.contentOf(jobId));
            Plan stale = transaction.execute(status -> {
                Plan plan = plan(sheet, progressOf(jobId));
                if (!plan.problems().isEmpty()) {
                    return plan;
                }
                apply(jobId, plan);
                return null;
            });
            if (stale != null) {
                // the data changed since the preview: nothing was written; show what is wrong now
                transaction.executeWithoutResult(status -> {
                    problems.replace(jobId, stale.problems());
                    jobs.findById(jobId).orElseThrow().validated(false, stale.created().size(), stale.updated().size(), stale.unchanged());
                });
            }
        } catch (RuntimeException e) {
            fail(jobId, e);
            throw e;
        }
    }

    private void apply(long jobId, Plan plan) {
        List<Person> created = new ArrayList<>();
        for (PersonDraft draft : plan.created()) {
            Person person = new Person(draft, people.seal(IdNumber.of(draft.idNumber())), clock.instant());
            if (plan.numbers().get(draft) != null) {
                person.recordVolunteerNumber(plan.numbers().get(draft));
            }
            created.add(person);
        }
        personRepository.saveAll(created);
        history.recordAll(created, PersonEvent.Type.IMPORTED, "import:" + jobId);
        List<Person> updated = new ArrayList<>();
        plan.updated().forEach((person, draft) -> {
            person.apply(draft, clock.instant());
            if (plan.numbers().get(draft) != null) {
                person.recordVolunteerNumber(plan.numbers().get(draft));
            }
            updated.add(person);
        });
        history.recordAll(updated, PersonEvent.Type.UPDATED, "import:" + jobId);
        ImportJob job = jobs.findById(jobId).orElseThrow();
        job.committed(created.size(), updated.size(), plan.unchanged(), clock.instant());
        audit.record("IMPORT_PEOPLE", "import:" + jobId, job.getFileName() + ": new " + created.size()
                + ", updated " + updated.size() + ", unchanged " + plan.unchanged());
    }

    private void fail(long jobId, RuntimeException e) {
        log.error("Import {} failed", jobId, e);
        separateTransaction.executeWithoutResult(status ->
                jobs.findById(jobId).ifPresent(job -> job.failed(e.getClass().getSimpleName(), clock.instant())));
    }

    private IntConsumer progressOf(long jobId) {
        return processed -> separateTransaction.executeWithoutResult(status -> jobs.progress(jobId, processed));
    }

    /** What a sheet would do: the people it adds, those it changes, how many it leaves as they are, and its problems. */
    /** What an import will do; {@code numbers} are the volunteer numbers the rows give, by their record (the same object). */
    private record Plan(List<PersonDraft> created, Map<Person, PersonDraft> updated, int unchanged,
                        List<ImportProblems.RowProblem> problems, Map<PersonDraft, String> numbers) {
    }

    private Plan plan(SheetFiles.Content sheet, IntConsumer progress) {
        Actor actor = people.requireLedgerKeeper();
        List<ImportProblems.RowProblem> found = new ArrayList<>();
        sheet.missingColumns().forEach(c -> found.add(new ImportProblems.RowProblem(1, c.header, "member.import.missing-column", c.header)));
        if (sheet.rows().isEmpty() && found.isEmpty()) {
            found.add(new ImportProblems.RowProblem(1, null, "member.import.no-rows"));
        }
        if (!found.isEmpty()) {
            return new Plan(List.of(), Map.of(), 0, found, Map.of());
        }
        Dictionaries.Snapshot snapshot = dictionaries.snapshot();
        ReachablePlaces places = new ReachablePlaces(actor);

        List<SheetValues.Reading> readings = sheet.rows().stream().map(row -> SheetValues.read(row, snapshot, places)).toList();
        Map<String, Person> holders = holdersOf(readings);
        Map<Long, Organization> holderUnits = units.organizations(holders.values().stream().map(Person::getOrganizationId).collect(Collectors.toSet()));
        ImportFacts facts = new ImportFacts(LocalDate.now(clock), snapshot, places, holders);

        List<PersonDraft> created = new ArrayList<>();
        Map<Person, PersonDraft> updated = new LinkedHashMap<>();
        Map<PersonDraft, String> numbers = new IdentityHashMap<>();
        int unchanged = 0;
        Map<String, Integer> firstRowOf = new HashMap<>();
        Map<String, Integer> firstRowOfNumber = new HashMap<>();
        Map<String, Long> numberHolders = numberHolders(readings);
        for (int i = 0; i < readings.size(); i++) {
            SheetRow row = sheet.rows().get(i);
            SheetValues.Reading reading = readings.get(i);
            List<Problem> rowProblems = new ArrayList<>(reading.problems());
            PersonDraft draft = reading.draft();
            String hash = hashOf(draft.idNumber());
            Person existing = hash == null ? null : holders.get(hash);
            if (hash != null) {
                Integer first = firstRowOf.putIfAbsent(hash, row.number());
                if (first != null) {
                    rowProblems.add(new Problem("idNumber", "member.import.duplicate-in-file", first));
                }
            }
            List<Problem> ruleProblems = new ArrayList<>();
            if (existing != null && !actor.covers(holderUnits.get(existing.getOrganizationId()).getPath())) {
                ruleProblems.add(new Problem("idNumber", "member.import.id-elsewhere"));
            } else if (existing != null) {
                if (draft.name() != null && !draft.name().equals(existing.getName())) {
                    ruleProblems.add(new Problem("name", "member.import.name-differs", existing.getName()));
                }
                ruleProblems.addAll(checks.check(draft, existing, facts));
            } else {
                ruleProblems.addAll(checks.check(draft, null, facts));
            }
            String number = reading.volunteerNumber();
            if (number != null) {
                Integer first = firstRowOfNumber.putIfAbsent(number, row.number());
                Long holder = numberHolders.get(number);
                if (first != null) {
                    rowProblems.add(new Problem("volunteerNumber", "member.import.duplicate-in-file", first));
                } else if (holder != null && (existing == null || !holder.equals(existing.getId()))) {
                    rowProblems.add(new Problem("volunteerNumber", "member.volunteer-number.taken"));
                }
            }
            // a cell that could not be read is reported once, not again as missing
            ruleProblems.stream().filter(p -> reading.problems().stream().noneMatch(r -> r.field().equals(p.field())))
                    .forEach(rowProblems::add);
            if (rowProblems.isEmpty()) {
                boolean sameNumber = number == null || number.equals(existing == null ? null : existing.getVolunteerNumber());
                if (existing == null) {
                    created.add(draft);
                    numbers.put(draft, number);
                } else if (existing.matches(draft.withIdentityOf(existing)) && sameNumber) {
                    unchanged++;
                } else {
                    PersonDraft changed = draft.withIdentityOf(existing);
                    updated.put(existing, changed);
                    numbers.put(changed, number);
                }
            } else {
                rowProblems.stream().distinct().forEach(p -> found.add(new ImportProblems.RowProblem(row.number(),
                        LedgerColumn.byField(p.field()).map(c -> c.header).orElse(null), p.key(), p.args())));
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.accept(i + 1);
            }
        }
        return new Plan(created, updated, unchanged, found, numbers);
    }

    /** Who holds the volunteer numbers the rows give, read at once. */
    private Map<String, Long> numberHolders(List<SheetValues.Reading> readings) {
        List<String> wanted = readings.stream().map(SheetValues.Reading::volunteerNumber).filter(Objects::nonNull).distinct().toList();
        Map<String, Long> holders = new HashMap<>();
        for (int from = 0; from < wanted.size(); from += 1000) {
            personRepository.holdersOfVolunteerNumbers(wanted.subList(from, Math.min(wanted.size(), from + 1000)))
                    .forEach(r -> holders.put((String) r[0], (Long) r[1]));
        }
        return holders;
    }

    private Map<String, Person> holdersOf(List<SheetValues.Reading> readings) {
        List<String> hashes = readings.stream().map(r -> hashOf(r.draft().idNumber())).filter(h -> h != null).distinct().toList();
        Map<String, Person> holders = new HashMap<>();
        for (int from = 0; from < hashes.size(); from += 1000) {
            personRepository.findByIdNumberHashIn(hashes.subList(from, Math.min(hashes.size(), from + 1000)))
                    .forEach(p -> holders.put(p.getIdNumberHash(), p));
        }
        return holders;
    }

    private String hashOf(String idNumber) {
        return idNumber != null && IdNumber.problem(idNumber).isEmpty() ? personalData.blindIndex(IdNumber.of(idNumber)) : null;
    }

    private static String clip(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "sheet" : fileName;
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }

    /** The branches, compounds and buildings within the importer's reach, loaded once per sheet. */
    private final class ReachablePlaces implements SheetValues.Places {

        private final Map<Long, Organization> branches = new HashMap<>();
        private final Map<String, Long> byCode = new HashMap<>();
        private final Map<String, List<Long>> byName = new HashMap<>();
        private final Map<Long, Compound> compounds = new HashMap<>();
        private final Map<String, Long> compoundByName = new HashMap<>();
        private final Map<Long, Building> buildings = new HashMap<>();
        private final Map<String, Long> buildingByName = new HashMap<>();

        ReachablePlaces(Actor actor) {
            for (Organization unit : units.subtree(actor.scopePrefix())) {
                if (unit.getType().isBranch()) {
                    branches.put(unit.getId(), unit);
                    byCode.put(unit.getCode(), unit.getId());
                    byName.computeIfAbsent(unit.getName(), k -> new ArrayList<>()).add(unit.getId());
                }
            }
            for (Compound compound : units.compoundsWithin(branches.keySet())) {
                compounds.put(compound.getId(), compound);
                compoundByName.put(compound.getBranchId() + "/" + compound.getName(), compound.getId());
            }
            for (Building building : units.buildingsOf(compounds.keySet())) {
                buildings.put(building.getId(), building);
                buildingByName.put(building.getCompoundId() + "/" + building.getName(), building.getId());
            }
        }

        @Override
        public Optional<Long> branch(String nameOrCode) {
            Optional<String> code = SheetValues.codeIn(nameOrCode);
            if (code.isPresent()) {
                return Optional.ofNullable(byCode.get(code.get().toUpperCase(Locale.ROOT)));
            }
            Long byItsCode = byCode.get(nameOrCode.toUpperCase(Locale.ROOT));
            if (byItsCode != null) {
                return Optional.of(byItsCode);
            }
            List<Long> named = byName.getOrDefault(nameOrCode, List.of());
            return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
        }

        @Override
        public Optional<Long> compound(long branchId, String name) {
            return Optional.ofNullable(compoundByName.get(branchId + "/" + name));
        }

        @Override
        public Optional<Long> building(long compoundId, String name) {
            return Optional.ofNullable(buildingByName.get(compoundId + "/" + name));
        }
    }

    /** Facts for the checks, answered from what the sheet's validation loaded once. */
    private record ImportFacts(LocalDate today, Dictionaries.Snapshot dictionaries, ReachablePlaces places,
                               Map<String, Person> holders) implements PersonChecks.Facts {

        @Override
        public Optional<Organization> organization(long id) {
            return Optional.ofNullable(places.branches.get(id));
        }

        @Override
        public Optional<Compound> compound(long id) {
            return Optional.ofNullable(places.compounds.get(id));
        }

        @Override
        public Optional<Building> building(long id) {
            return Optional.ofNullable(places.buildings.get(id));
        }

        @Override
        public Optional<Long> holderOf(String idNumberHash) {
            return Optional.ofNullable(holders.get(idNumberHash)).map(Person::getId);
        }
    }
}
