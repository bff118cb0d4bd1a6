package com.countyleague.account.web;

import com.countyleague.account.Accounts;
import com.countyleague.account.Account;
import com.countyleague.account.SessionFlags;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: who they are, and changing their password. */
@Controller
class MyAccountController {

    private final Accounts accounts;
    private final Flash flash;

    MyAccountController(Accounts accounts, Flash flash) {
        this.accounts = accounts;
        this.flash = flash;
    }

    @InitBinder("passwordChangeForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields("currentPassword", "newPassword", "confirmPassword");
    }

    @GetMapping("/me/")
    String me(Model model) {
        Account me = accounts.me();
        model.addAttribute("account", me);
        model.addAttribute("organization", accounts.organizationOf(me).orElse(null));
        return "account/me";
    }

    @GetMapping("/me/password")
    String passwordForm(@ModelAttribute PasswordChangeForm passwordChangeForm, HttpSession session, Model model) {
        model.addAttribute("mustChange", session.getAttribute(SessionFlags.MUST_CHANGE_PASSWORD) != null);
        return "account/password";
    }

    @PostMapping("/me/password")
    String changePassword(@Valid @ModelAttribute PasswordChangeForm passwordChangeForm, BindingResult result,
                          HttpSession session, Model model, RedirectAttributes redirect) {
        if (!result.hasFieldErrors("confirmPassword") && !passwordChangeForm.confirmed()) {
            result.rejectValue("confirmPassword", "account.password.mismatch");
        }
        if (!result.hasErrors()) {
            try {
                accounts.changeOwnPassword(passwordChangeForm.getCurrentPassword(), passwordChangeForm.getNewPassword());
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, passwordChangeForm);
            }
        }
        if (result.hasErrors()) {
            model.addAttribute("mustChange", session.getAttribute(SessionFlags.MUST_CHANGE_PASSWORD) != null);
            return "account/password";
        }
        session.removeAttribute(SessionFlags.MUST_CHANGE_PASSWORD);
        flash.success(redirect, "account.password.changed");
        return "redirect:/me/";
    }
}
