package com.countyleague.member.web;

import com.countyleague.member.Dictionaries;
import com.countyleague.member.DictionaryItem;
import com.countyleague.member.DictionaryKind;
import com.countyleague.web.AdminChange;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** County admins keep the dictionaries: labels, order, badge colours, and which entries are offered. */
@Controller
@RequestMapping("/admin/dictionaries")
class DictionaryController {

    private final Dictionaries dictionaries;
    private final Flash flash;

    DictionaryController(Dictionaries dictionaries, Flash flash) {
        this.dictionaries = dictionaries;
        this.flash = flash;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "ETHNICITY") DictionaryKind kind, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", DictionaryKind.values());
        model.addAttribute("items", dictionaries.list(kind));
        model.addAttribute("badges", DictionaryItem.Badge.values());
        return "member/dictionaries";
    }

    @AdminChange
    @PostMapping
    String add(@RequestParam DictionaryKind kind, @RequestParam(required = false) String code,
               @RequestParam(required = false) String label, @RequestParam(defaultValue = "0") int sortOrder,
               @RequestParam(defaultValue = "SECONDARY") DictionaryItem.Badge badge, RedirectAttributes redirect) {
        try {
            dictionaries.add(kind, code == null ? "" : code, label == null ? "" : label, sortOrder, badge);
            flash.success(redirect, "dictionary.added");
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/dictionaries?kind=" + kind;
    }

    @AdminChange
    @PostMapping("/{id}")
    String change(@PathVariable long id, @RequestParam(required = false) String label,
                  @RequestParam(defaultValue = "0") int sortOrder, @RequestParam DictionaryItem.Badge badge,
                  @RequestParam(defaultValue = "false") boolean enabled, RedirectAttributes redirect) {
        DictionaryKind kind = dictionaries.get(id).getKind();
        try {
            dictionaries.change(id, label == null ? "" : label, sortOrder, badge, enabled);
            flash.success(redirect, "dictionary.changed");
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/dictionaries?kind=" + kind;
    }
}
