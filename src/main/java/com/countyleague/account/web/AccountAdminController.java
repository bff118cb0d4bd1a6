package com.countyleague.account.web;

import com.countyleague.account.Account;
import com.countyleague.account.Accounts;
import com.countyleague.account.Accounts.AccountDraft;
import com.countyleague.account.Accounts.AccountSearch;
import com.countyleague.account.Role;
import com.countyleague.web.AdminChange;
import com.countyleague.web.Flash;
import com.countyleague.web.Paging;
import com.countyleague.web.RuleViolationException;

import jakarta.validation.groups.Default;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration for county and org admins (each within their reach). */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminController {

    private final Accounts accounts;
    private final Flash flash;

    AccountAdminController(Accounts accounts, Flash flash) {
        this.accounts = accounts;
        this.flash = flash;
    }

    @InitBinder("accountForm")
    void allowAccountFields(WebDataBinder binder) {
        binder.setAllowedFields("username", "displayName", "role", "organizationId", "password");
    }

    @InitBinder("passwordResetForm")
    void allowResetFields(WebDataBinder binder) {
        binder.setAllowedFields("password");
    }

    @GetMapping
    String list(@RequestParam(required = false) String text, @RequestParam(required = false) Role role,
                @RequestParam(required = false) Boolean enabled,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("page", accounts.search(new AccountSearch(text, role, enabled),
                Paging.of(page, size, Sort.by("username"))));
        model.addAttribute("roles", Role.values());
        return "account/list";
    }

    @GetMapping("/new")
    String newForm(@ModelAttribute AccountForm accountForm, Model model) {
        return form(model, null);
    }

    @AdminChange
    @PostMapping("/new")
    String create(@Validated({Default.class, AccountForm.Creating.class}) @ModelAttribute AccountForm accountForm,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                accounts.create(new AccountDraft(accountForm.getUsername(), accountForm.getDisplayName(),
                        accountForm.getRole(), accountForm.getOrganizationId(), accountForm.getPassword()));
                flash.success(redirect, "account.created");
                return "redirect:/admin/accounts";
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, accountForm);
            }
        }
        return form(model, null);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Account account = accounts.get(id);
        model.addAttribute("accountForm", AccountForm.of(account));
        model.addAttribute("passwordResetForm", new PasswordResetForm());
        return form(model, account);
    }

    @AdminChange
    @PostMapping("/{id}/edit")
    String update(@PathVariable long id, @Validated @ModelAttribute AccountForm accountForm, BindingResult result,
                  Model model, RedirectAttributes redirect) {
        Account account = accounts.get(id);
        if (!result.hasErrors()) {
            try {
                accounts.update(id, new AccountDraft(account.getUsername(), accountForm.getDisplayName(),
                        accountForm.getRole(), accountForm.getOrganizationId(), null));
                flash.success(redirect, "account.updated");
                return "redirect:/admin/accounts";
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, accountForm);
            }
        }
        model.addAttribute("passwordResetForm", new PasswordResetForm());
        return form(model, account);
    }

    @AdminChange
    @PostMapping("/{id}/password")
    String resetPassword(@PathVariable long id, @Validated @ModelAttribute PasswordResetForm passwordResetForm,
                         BindingResult result, Model model, RedirectAttributes redirect) {
        Account account = accounts.get(id);
        if (!result.hasErrors()) {
            try {
                accounts.resetPassword(id, passwordResetForm.getPassword());
                flash.success(redirect, "account.password.reset");
                return "redirect:/admin/accounts";
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, passwordResetForm);
            }
        }
        model.addAttribute("accountForm", AccountForm.of(account));
        return form(model, account);
    }

    @AdminChange
    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable long id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            accounts.setEnabled(id, enabled);
            flash.success(redirect, enabled ? "account.enabled" : "account.disabled");
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/accounts";
    }

    private String form(Model model, Account account) {
        model.addAttribute("account", account);
        model.addAttribute("roles", accounts.grantableRoles());
        model.addAttribute("organizations", accounts.assignableOrganizations());
        return "account/form";
    }
}
