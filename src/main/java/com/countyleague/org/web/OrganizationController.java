package com.countyleague.org.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import com.countyleague.org.Organization;
import com.countyleague.org.OrganizationType;
import com.countyleague.org.Organizations;
import com.countyleague.org.PartnerKind;
import com.countyleague.org.Position;
import com.countyleague.org.Residences;
import com.countyleague.web.AdminChange;
import com.countyleague.web.Flash;
import com.countyleague.web.Paging;
import com.countyleague.web.RuleViolationException;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
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

/** The organisation tree screens: list with tree, detail, create, edit, move, delete, compounds and buildings. */
@Controller
@RequestMapping("/admin/orgs")
class OrganizationController {

    private final Organizations organizations;
    private final Residences residences;
    private final Flash flash;

    OrganizationController(Organizations organizations, Residences residences, Flash flash) {
        this.organizations = organizations;
        this.residences = residences;
        this.flash = flash;
    }

    @InitBinder("organizationForm")
    void allowOrganizationFields(WebDataBinder binder) {
        binder.setAllowedFields("parentId", "type", "name", "code", "address", "contact", "secretary",
                "partners*.kind", "partners*.name");
    }

    @InitBinder("nameForm")
    void allowNameFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "address");
    }

    @GetMapping
    String list(@RequestParam(required = false) Long under, @RequestParam(required = false) String text,
                @RequestParam(required = false) OrganizationType type,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("tree", organizations.tree(under));
        model.addAttribute("under", under == null ? null : organizations.get(under));
        model.addAttribute("page", organizations.search(new Organizations.Search(under, text, type),
                Paging.of(page, size, Sort.by("path"))));
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("mayAdd", organizations.mayAdd());
        model.addAttribute("rootMissing", organizations.rootMissing());
        return "org/list";
    }

    /** The children of a unit in the tree, when it is opened; {@code view} says which list the links lead to. */
    @GetMapping("/tree")
    String treeChildren(@RequestParam long parent, @RequestParam(defaultValue = "orgs") TreeView view, Model model) {
        model.addAttribute("nodes", organizations.treeChildren(parent));
        model.addAttribute("base", view.base);
        model.addAttribute("view", view);
        return "org/_tree-children :: children";
    }

    /** Where the tree's links lead: the organisation list or one of the two ledgers. */
    enum TreeView {
        orgs("/admin/orgs"),
        league_members("/admin/people?ledger=LEAGUE_MEMBER"),
        youth("/admin/people?ledger=YOUTH");

        final String base;

        TreeView(String base) {
            this.base = base;
        }
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        return detailPage(id, model, new NameForm());
    }

    @GetMapping("/new")
    String newForm(@RequestParam(required = false) Long parentId, Model model) {
        OrganizationForm form = new OrganizationForm();
        form.setParentId(parentId);
        if (parentId != null) {
            Organization parent = organizations.get(parentId);
            form.setType(parent.getType().isBranch() ? OrganizationType.GROUP : OrganizationType.BRANCH);
        } else if (organizations.rootMissing()) {
            form.setType(OrganizationType.COUNTY_COMMITTEE);
        }
        model.addAttribute("organizationForm", form.withBlankPartnerRows());
        return formPage(model, null);
    }

    @AdminChange
    @PostMapping("/new")
    String create(@Valid @ModelAttribute OrganizationForm organizationForm, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = organizations.create(new Organizations.Draft(organizationForm.getParentId(),
                        organizationForm.getType(), organizationForm.details()));
                flash.success(redirect, "org.created");
                return "redirect:/admin/orgs/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, organizationForm);
            }
        }
        organizationForm.withBlankPartnerRows();
        return formPage(model, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Organization unit = organizations.get(id);
        model.addAttribute("organizationForm", OrganizationForm.of(unit).withBlankPartnerRows());
        return formPage(model, unit);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute OrganizationForm organizationForm, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        Organization unit = organizations.get(id);
        if (!result.hasErrors()) {
            try {
                organizations.update(id, new Organizations.Draft(unit.getParentId(), organizationForm.getType(),
                        organizationForm.details()));
                flash.success(redirect, "org.updated");
                return "redirect:/admin/orgs/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, organizationForm);
            }
        }
        organizationForm.withBlankPartnerRows();
        return formPage(model, unit);
    }

    @GetMapping("/{id}/move")
    String moveForm(@PathVariable long id, Model model) {
        Organization unit = organizations.get(id);
        model.addAttribute("unit", unit);
        model.addAttribute("candidates", organizations.parentCandidates(unit.getType(), id));
        return "org/move";
    }

    @AdminChange
    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam(required = false) Long parentId, Model model,
                RedirectAttributes redirect) {
        try {
            organizations.move(id, parentId);
            flash.success(redirect, "org.moved");
            return "redirect:/admin/orgs/" + id;
        } catch (RuleViolationException refusal) {
            model.addAttribute("refusal", refusal.messageKey());
            return moveForm(id, model);
        }
    }

    @AdminChange
    @PostMapping("/delete")
    String delete(@RequestParam(name = "ids", required = false) Long[] ids, RedirectAttributes redirect) {
        List<Long> chosen = ids == null ? List.of() : Arrays.asList(ids);
        try {
            int removed = organizations.delete(chosen);
            flash.success(redirect, "org.deleted", removed);
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/orgs";
    }

    @PostMapping("/{id}/compounds")
    String addCompound(@PathVariable long id, @Valid @ModelAttribute NameForm nameForm, BindingResult result,
                       Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                residences.addCompound(id, nameForm.getName(), nameForm.getAddress());
                flash.success(redirect, "org.compound.added");
                return "redirect:/admin/orgs/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, nameForm);
            }
        }
        return detailPage(id, model, nameForm);
    }

    @PostMapping("/{id}/compounds/{compoundId}/buildings")
    String addBuilding(@PathVariable long id, @PathVariable long compoundId, @RequestParam(required = false) String name,
                       RedirectAttributes redirect) {
        try {
            residences.addBuilding(compoundId, name);
            flash.success(redirect, "org.building.added");
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/orgs/" + id;
    }

    @PostMapping("/{id}/compounds/{compoundId}/position")
    String locateCompound(@PathVariable long id, @PathVariable long compoundId, @RequestParam(required = false) BigDecimal latitude,
                          @RequestParam(required = false) BigDecimal longitude, RedirectAttributes redirect) {
        flash.attempt(redirect, "place.located", () -> residences.locate(compoundId, Position.ofNullable(latitude, longitude)));
        return "redirect:/admin/orgs/" + id;
    }

    private String detailPage(long id, Model model, NameForm nameForm) {
        Organization unit = organizations.get(id);
        model.addAttribute("unit", unit);
        model.addAttribute("ancestry", organizations.ancestry(id));
        model.addAttribute("children", organizations.children(id));
        model.addAttribute("mayEdit", organizations.mayEdit(unit));
        model.addAttribute("mayShape", organizations.mayShape(unit));
        model.addAttribute("residences", unit.getType().isBranch() ? residences.of(id) : List.of());
        model.addAttribute("nameForm", nameForm);
        return "org/detail";
    }

    private String formPage(Model model, Organization unit) {
        model.addAttribute("unit", unit);
        model.addAttribute("types", OrganizationType.values());
        model.addAttribute("partnerKinds", PartnerKind.values());
        model.addAttribute("parents", unit == null ? organizations.parentCandidates(null, null) : List.of());
        return "org/form";
    }
}
