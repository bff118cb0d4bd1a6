package com.countyleague.council.web;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import com.countyleague.activity.Activity;
import com.countyleague.council.Councils;
import com.countyleague.member.Dictionaries;
import com.countyleague.web.Flash;
import com.countyleague.web.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Councils: the monthly compliance of a subtree, a council's page with its year, and its meetings' records. */
@Controller
class CouncilController {

    private final Councils councils;
    private final Dictionaries dictionaries;
    private final Flash flash;

    CouncilController(Councils councils, Dictionaries dictionaries, Flash flash) {
        this.councils = councils;
        this.dictionaries = dictionaries;
        this.flash = flash;
    }

    @GetMapping("/admin/councils")
    String compliance(@RequestParam(required = false) Long under, @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "50") int size, Model model) {
        model.addAttribute("compliance", councils.compliance(under, Paging.of(page, size, Sort.unsorted())));
        return "council/compliance";
    }

    @GetMapping("/admin/councils/{id}")
    String council(@PathVariable long id, Model model) {
        model.addAttribute("view", councils.page(id));
        model.addAttribute("modes", Activity.Mode.values());
        model.addAttribute("dict", dictionaries.snapshot());
        return "council/council";
    }

    @PostMapping("/admin/councils/{id}/meetings")
    String plan(@PathVariable long id, @RequestParam(required = false) String title,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
                @RequestParam(required = false) Activity.Mode mode, @RequestParam(required = false) String place,
                @RequestParam(required = false) String agenda, RedirectAttributes redirect) {
        flash.attempt(redirect, "council.meeting.planned",
                () -> councils.planMeeting(id, new Councils.MeetingPlan(title, startsAt, endsAt, mode, place, agenda)));
        return "redirect:/admin/councils/" + id;
    }

    @GetMapping("/admin/councils/meetings/{id}")
    String meeting(@PathVariable long id, Model model) {
        model.addAttribute("view", councils.meeting(id));
        model.addAttribute("dict", dictionaries.snapshot());
        return "council/meeting";
    }

    @PostMapping("/admin/councils/meetings/{id}/minutes")
    String minutes(@PathVariable long id, @RequestParam(required = false) String minutes, @RequestParam(required = false) String decisions,
                   @RequestParam(name = "issueIds", required = false) Long[] issueIds, RedirectAttributes redirect) {
        List<Long> chosen = issueIds == null ? List.of() : Arrays.asList(issueIds);
        flash.attempt(redirect, "council.minutes.recorded", () -> councils.recordMinutes(id, minutes, decisions, chosen));
        return "redirect:/admin/councils/meetings/" + id;
    }
}
