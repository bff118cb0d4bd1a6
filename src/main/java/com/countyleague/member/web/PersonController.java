package com.countyleague.member.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import com.countyleague.member.Dictionaries;
import com.countyleague.member.DictionaryKind;
import com.countyleague.member.Gender;
import com.countyleague.member.GridRole;
import com.countyleague.member.InvalidPersonException;
import com.countyleague.member.LeagueRecords;
import com.countyleague.member.Ledger;
import com.countyleague.member.Memberships;
import com.countyleague.member.People;
import com.countyleague.member.PeopleExport;
import com.countyleague.member.PersonSearch;
import com.countyleague.member.PersonStatus;
import com.countyleague.member.Registrations;
import com.countyleague.member.Transfers;
import com.countyleague.org.Organizations;
import com.countyleague.org.Residences;
import com.countyleague.web.Download;
import com.countyleague.web.Flash;
import com.countyleague.web.Paging;
import com.countyleague.web.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ledger list, a person's page, the person form, corrections, revealing and export. */
@Controller
@RequestMapping("/admin/people")
class PersonController {

    private final People people;
    private final Transfers transfers;
    private final Memberships memberships;
    private final PeopleExport export;
    private final Dictionaries dictionaries;
    private final Organizations organizations;
    private final Residences residences;
    private final Flash flash;
    private final Registrations registrations;
    private final List<LeagueRecords> leagueRecords;
    private final Clock clock;

    PersonController(People people, Transfers transfers, Memberships memberships, PeopleExport export,
                     Dictionaries dictionaries, Organizations organizations, Residences residences, Flash flash, Registrations registrations,
                     List<LeagueRecords> leagueRecords, Clock clock) {
        this.leagueRecords = leagueRecords;
        this.clock = clock;
        this.registrations = registrations;
        this.people = people;
        this.transfers = transfers;
        this.memberships = memberships;
        this.export = export;
        this.dictionaries = dictionaries;
        this.organizations = organizations;
        this.residences = residences;
        this.flash = flash;
    }

    @InitBinder("personForm")
    void allowPersonFields(WebDataBinder binder) {
        binder.setAllowedFields(PersonForm.FIELDS);
    }

    @ModelAttribute("search")
    PersonSearch search(@RequestParam(required = false) Ledger ledger, @RequestParam(required = false) Long under,
                        @RequestParam(required = false) Long compoundId, @RequestParam(required = false) Long buildingId,
                        @RequestParam(required = false) Integer ageFrom, @RequestParam(required = false) Integer ageTo,
                        @RequestParam(required = false) Boolean backbone, @RequestParam(required = false) String tag,
                        @RequestParam(required = false) GridRole gridRole,
                        @RequestParam(required = false, defaultValue = "ACTIVE") String status,
                        @RequestParam(required = false) String text, @RequestParam(required = false) PersonSearch.Sort sort,
                        @RequestParam(required = false) Boolean registered) {
        // "" lists every status; anything unknown falls back to the active ones
        PersonStatus chosen = status.isEmpty() ? null : Arrays.stream(PersonStatus.values())
                .filter(s -> s.name().equals(status)).findFirst().orElse(PersonStatus.ACTIVE);
        return new PersonSearch(ledger, under, compoundId, buildingId, ageFrom, ageTo, backbone, tag, gridRole, chosen, text, sort, registered);
    }

    @GetMapping
    String list(@ModelAttribute("search") PersonSearch search, @RequestParam(defaultValue = "0") int page,
                @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("page", people.search(search, Paging.of(page, size, Sort.unsorted())));
        model.addAttribute("tree", organizations.tree(search.under()));
        model.addAttribute("under", search.under() == null ? null : organizations.get(search.under()));
        model.addAttribute("places", search.under() == null ? List.of() : placesOf(search.under()));
        addChoices(model);
        return "member/list";
    }

    @GetMapping("/export")
    void export(@ModelAttribute("search") PersonSearch search, HttpServletResponse response) throws IOException {
        export.export(search, Download.xlsx(response, "ledger-" + search.ledger().name().toLowerCase() + ".xlsx"));
    }

    /** The League members of the list in the national member system's import layout (docs/national-export.md). */
    @GetMapping("/national-export")
    void exportNational(@ModelAttribute("search") PersonSearch search, HttpServletResponse response) throws IOException {
        export.exportNational(search, Download.xlsx(response, "national-members.xlsx"));
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("view", people.view(id));
        model.addAttribute("registrations", registrations.of(id));
        model.addAttribute("leagueSections", leagueRecords.stream().flatMap(r -> r.sectionsFor(id).stream())
                .filter(s -> !s.rows().isEmpty()).toList());
        model.addAttribute("pendingTransfer", transfers.pendingOf(id).orElse(null));
        model.addAttribute("destinations", transfers.destinations(id));
        model.addAttribute("dict", dictionaries.snapshot());
        model.addAttribute("today", LocalDate.now(clock));
        return "member/detail";
    }

    @PostMapping("/{id}/reveal")
    String reveal(@PathVariable long id, Model model) {
        model.addAttribute("idNumber", people.reveal(id));
        return "member/_revealed :: number";
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) Ledger ledger, Model model) {
        PersonForm form = new PersonForm();
        form.setOrganizationId(organizationId);
        if (ledger != null) {
            form.setLedger(ledger);
        }
        model.addAttribute("personForm", form);
        return formPage(model, null, form);
    }

    @PostMapping("/new")
    String create(@ModelAttribute PersonForm personForm, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = people.create(personForm.draft());
                flash.success(redirect, "member.created");
                return "redirect:/admin/people/" + id;
            } catch (InvalidPersonException invalid) {
                invalid.addTo(result, personForm);
            }
        }
        return formPage(model, null, personForm);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        PersonForm form = PersonForm.of(people.get(id));
        model.addAttribute("personForm", form);
        return formPage(model, id, form);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @ModelAttribute PersonForm personForm, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                people.update(id, personForm.draft());
                flash.success(redirect, "member.updated");
                return "redirect:/admin/people/" + id;
            } catch (InvalidPersonException invalid) {
                invalid.addTo(result, personForm);
            }
        }
        PersonForm shown = PersonForm.of(people.get(id));
        personForm.setName(shown.getName());
        personForm.setIdNumber(shown.getIdNumber());
        return formPage(model, id, personForm);
    }

    /** The compound and building choices of a branch, for the form (htmx swaps them in when the branch changes). */
    @GetMapping("/places")
    String places(@RequestParam(required = false) Long organizationId, @ModelAttribute PersonForm personForm, Model model) {
        model.addAttribute("places", organizationId == null ? List.of() : placesOf(organizationId));
        return "member/_places :: places";
    }

    @PostMapping("/{id}/correct-name")
    String correctName(@PathVariable long id, @RequestParam(required = false) String name,
                       @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return corrected(id, redirect, () -> people.correctName(id, name, reason));
    }

    @PostMapping("/{id}/correct-id")
    String correctIdNumber(@PathVariable long id, @RequestParam(required = false) String idNumber,
                           @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return corrected(id, redirect, () -> people.correctIdNumber(id, idNumber, reason));
    }

    /** A correction's problems go back to the person's page, where its form is. */
    private String corrected(long id, RedirectAttributes redirect, Runnable correction) {
        try {
            correction.run();
            flash.success(redirect, "member.corrected");
        } catch (InvalidPersonException invalid) {
            redirect.addFlashAttribute("correctionProblems", invalid.problems());
        }
        return "redirect:/admin/people/" + id;
    }

    @PostMapping("/{id}/volunteer-number")
    String recordVolunteerNumber(@PathVariable long id, @RequestParam(required = false) String volunteerNumber,
                                 RedirectAttributes redirect) {
        flash.attempt(redirect, "member.volunteer-number.saved", () -> memberships.recordVolunteerNumber(id, volunteerNumber));
        return "redirect:/admin/people/" + id;
    }

    @PostMapping("/{id}/join")
    String joinLeague(@PathVariable long id,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedOn,
                      @RequestParam(required = false) String leagueNumber, RedirectAttributes redirect) {
        try {
            memberships.joinLeague(id, joinedOn, leagueNumber);
            flash.success(redirect, "member.joined");
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/people/" + id;
    }

    private String formPage(Model model, Long id, PersonForm form) {
        model.addAttribute("personId", id);
        model.addAttribute("branches", people.branchesInReach());
        model.addAttribute("places", form.getOrganizationId() == null ? List.of() : placesOf(form.getOrganizationId()));
        addChoices(model);
        return "member/form";
    }

    private List<Residences.CompoundWithBuildings> placesOf(long organizationId) {
        return organizations.get(organizationId).getType().isBranch() ? residences.of(organizationId) : List.of();
    }

    private void addChoices(Model model) {
        model.addAttribute("dict", dictionaries.snapshot());
        model.addAttribute("kinds", DictionaryKind.values());
        model.addAttribute("ledgers", Ledger.values());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("statuses", PersonStatus.values());
        model.addAttribute("gridRoleValues", GridRole.values());
        model.addAttribute("sorts", Arrays.asList(PersonSearch.Sort.values()));
    }
}
