package com.countyleague.member.web;

import java.util.Arrays;
import java.util.List;

import com.countyleague.member.Dictionaries;
import com.countyleague.member.Memberships;
import com.countyleague.member.Person;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 超龄离团: members who have reached 28, and retiring them after confirmation. */
@Controller
@RequestMapping("/admin/people/past-age")
class MembershipController {

    private final Memberships memberships;
    private final Dictionaries dictionaries;
    private final Flash flash;

    MembershipController(Memberships memberships, Dictionaries dictionaries, Flash flash) {
        this.memberships = memberships;
        this.dictionaries = dictionaries;
        this.flash = flash;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long under, Model model) {
        model.addAttribute("due", memberships.pastLeagueAge(under));
        model.addAttribute("retirementAge", Person.RETIREMENT_AGE);
        model.addAttribute("dict", dictionaries.snapshot());
        return "member/past-age";
    }

    @PostMapping("/retire")
    String retire(@RequestParam(name = "ids", required = false) Long[] ids, RedirectAttributes redirect) {
        List<Long> chosen = ids == null ? List.of() : Arrays.asList(ids);
        try {
            flash.success(redirect, "member.retired", memberships.retire(chosen));
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/people/past-age";
    }
}
