package com.countyleague.council.web;

import java.time.LocalDate;

import com.countyleague.council.Visits;
import com.countyleague.member.Dictionaries;
import com.countyleague.web.Flash;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Visits to the young people of a building: the secretary's overview and a building's contact log. */
@Controller
class VisitController {

    private final Visits visits;
    private final Dictionaries dictionaries;
    private final Flash flash;

    VisitController(Visits visits, Dictionaries dictionaries, Flash flash) {
        this.visits = visits;
        this.dictionaries = dictionaries;
        this.flash = flash;
    }

    @GetMapping("/admin/visits")
    String overview(@RequestParam(required = false) Long under, Model model) {
        model.addAttribute("overview", visits.overview(under));
        return "council/visits";
    }

    @GetMapping("/admin/visits/buildings/{id}")
    String building(@PathVariable long id, Model model) {
        model.addAttribute("view", visits.building(id));
        model.addAttribute("channels", Visits.Channel.values());
        model.addAttribute("dict", dictionaries.snapshot());
        return "council/visit-building";
    }

    @PostMapping("/admin/visits/buildings/{id}")
    String log(@PathVariable long id, @RequestParam(required = false) Long personId,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
               @RequestParam(required = false) Visits.Channel channel, @RequestParam(required = false) String heard,
               @RequestParam(defaultValue = "false") boolean backboneCandidate, @RequestParam(required = false) String scope,
               @RequestParam(required = false) String nature, RedirectAttributes redirect) {
        flash.attempt(redirect, "visit.logged",
                () -> visits.log(id, new Visits.Draft(personId, visitedOn, channel, heard, backboneCandidate, scope, nature)));
        return "redirect:/admin/visits/buildings/" + id;
    }
}
