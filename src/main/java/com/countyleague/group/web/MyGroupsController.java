package com.countyleague.group.web;

import com.countyleague.group.GroupKind;
import com.countyleague.group.Groups;
import com.countyleague.group.PracticeTheme;
import com.countyleague.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Groups on a member's phone: browse, ask to join, leave, and one's own growth record. */
@Controller
@RequestMapping("/me/groups")
class MyGroupsController {

    private final Groups groups;
    private final Flash flash;

    MyGroupsController(Groups groups, Flash flash) {
        this.groups = groups;
        this.flash = flash;
    }

    @GetMapping
    String browse(@RequestParam(required = false) GroupKind kind, @RequestParam(required = false) PracticeTheme theme, Model model) {
        model.addAttribute("rows", groups.browse(kind, theme));
        model.addAttribute("mine", groups.mine());
        model.addAttribute("running", groups.run());
        model.addAttribute("kinds", GroupKind.values());
        model.addAttribute("themes", PracticeTheme.values());
        model.addAttribute("kind", kind);
        model.addAttribute("theme", theme);
        return "group/browse";
    }

    @GetMapping("/{id}")
    String card(@PathVariable long id, Model model) {
        model.addAttribute("row", groups.card(id));
        model.addAttribute("runs", groups.runs(id));
        return "group/card";
    }

    @PostMapping("/{id}/apply")
    String apply(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "group.applied", () -> groups.apply(id));
    }

    @PostMapping("/{id}/leave")
    String leave(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "group.left", () -> groups.leave(id));
    }

    private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
        flash.attempt(redirect, success, action);
        return "redirect:/me/groups/" + id;
    }
}
