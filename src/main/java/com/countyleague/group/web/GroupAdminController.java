package com.countyleague.group.web;

import com.countyleague.group.CommunityGroup;
import com.countyleague.group.GroupKind;
import com.countyleague.group.GroupRole;
import com.countyleague.group.Groups;
import com.countyleague.group.PracticeTheme;
import com.countyleague.org.Organizations;
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

/** Staff create and configure groups at /admin/groups; each group is then run at /groups/{id}. */
@Controller
@RequestMapping("/admin/groups")
class GroupAdminController {

    private final Groups groups;
    private final Organizations organizations;
    private final Flash flash;

    GroupAdminController(Groups groups, Organizations organizations, Flash flash) {
        this.groups = groups;
        this.organizations = organizations;
        this.flash = flash;
    }

    @InitBinder("groupForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(GroupForm.FIELDS);
    }

    @GetMapping
    String list(@RequestParam(required = false) GroupKind kind, @RequestParam(required = false) PracticeTheme theme,
                @RequestParam(required = false) CommunityGroup.Status status, @RequestParam(required = false) String text,
                @RequestParam(required = false) Long under, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("page", groups.search(new Groups.Search(kind, theme, status, text, under), Paging.of(page, size, Sort.unsorted())));
        choices(model);
        return "group/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("groupForm", new GroupForm());
        return form(model, null);
    }

    @PostMapping("/new")
    String create(@Valid @ModelAttribute GroupForm groupForm, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                long id = groups.create(groupForm.details());
                flash.success(redirect, "group.created");
                return "redirect:/groups/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, groupForm);
            }
        }
        return form(model, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("groupForm", GroupForm.of(groups.settings(id)));
        return form(model, id);
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute GroupForm groupForm, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        groups.settings(id);
        if (!result.hasErrors()) {
            try {
                groups.update(id, groupForm.details());
                flash.success(redirect, "group.updated");
                return "redirect:/groups/" + id;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, groupForm);
            }
        }
        return form(model, id);
    }

    @GetMapping("/limits")
    String limits(Model model) {
        model.addAttribute("limits", groups.roleLimits());
        return "group/limits";
    }

    @AdminChange
    @PostMapping("/limits")
    String setLimit(@RequestParam GroupKind kind, @RequestParam GroupRole role,
                    @RequestParam(required = false) Integer maxHolders, RedirectAttributes redirect) {
        try {
            groups.setRoleLimit(kind, role, maxHolders);
            flash.success(redirect, "group.limit.saved");
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/groups/limits";
    }

    private String form(Model model, Long id) {
        model.addAttribute("groupId", id);
        model.addAttribute("hosts", organizations.inReach());
        choices(model);
        return "group/form";
    }

    private static void choices(Model model) {
        model.addAttribute("kinds", GroupKind.values());
        model.addAttribute("themes", PracticeTheme.values());
        model.addAttribute("statuses", CommunityGroup.Status.values());
    }
}
