package com.countyleague.council.web;

import java.time.LocalDate;
import java.time.LocalDateTime;

import com.countyleague.council.LiaisonPoints;
import com.countyleague.council.VisitorEntry;
import com.countyleague.member.Dictionaries;
import com.countyleague.org.Organizations;
import com.countyleague.web.Flash;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Liaison points: the list and the register of representatives, a point's page, its reception days and visitor log. */
@Controller
class LiaisonController {

    private final LiaisonPoints points;
    private final Organizations organizations;
    private final Dictionaries dictionaries;
    private final Flash flash;

    LiaisonController(LiaisonPoints points, Organizations organizations, Dictionaries dictionaries, Flash flash) {
        this.points = points;
        this.organizations = organizations;
        this.dictionaries = dictionaries;
        this.flash = flash;
    }

    @GetMapping("/admin/liaison")
    String list(@RequestParam(required = false) Long under, Model model) {
        model.addAttribute("overview", points.overview(under));
        model.addAttribute("units", organizations.inReach());
        return "council/liaison";
    }

    @PostMapping("/admin/liaison")
    String create(@RequestParam(required = false) Long organizationId, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String address, RedirectAttributes redirect) {
        flash.attempt(redirect, "liaison.created", () -> points.create(organizationId, name, address));
        return "redirect:/admin/liaison";
    }

    @GetMapping("/admin/liaison/{id}")
    String point(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("view", points.page(id, q));
        model.addAttribute("dict", dictionaries.snapshot());
        return "council/liaison-point";
    }

    @PostMapping("/admin/liaison/{id}/representatives")
    String station(@PathVariable long id, @RequestParam(required = false) Long personId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termFrom,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termTo,
                   RedirectAttributes redirect) {
        flash.attempt(redirect, "liaison.stationed", () -> points.station(id, personId, termFrom, termTo));
        return "redirect:/admin/liaison/" + id;
    }

    @PostMapping("/admin/liaison/{id}/receptions")
    String reception(@PathVariable long id,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
                     RedirectAttributes redirect) {
        flash.attempt(redirect, "liaison.reception.scheduled", () -> points.scheduleReception(id, startsAt, endsAt));
        return "redirect:/admin/liaison/" + id;
    }

    @PostMapping("/admin/liaison/{id}/visitors")
    String visitor(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
                   @RequestParam(required = false) String visitor, @RequestParam(required = false) String contact,
                   @RequestParam(required = false) Long compoundId, @RequestParam(required = false) Long buildingId,
                   @RequestParam(required = false) String content, RedirectAttributes redirect) {
        flash.attempt(redirect, "liaison.visitor.logged",
                () -> points.logVisitor(id, new VisitorEntry.Draft(visitedOn, visitor, contact, compoundId, buildingId, content)));
        return "redirect:/admin/liaison/" + id;
    }

    @PostMapping("/admin/liaison/visitors/{entry}/issue")
    String toIssue(@PathVariable long entry, @RequestParam(required = false) String scope, @RequestParam(required = false) String nature,
                   RedirectAttributes redirect) {
        long[] issue = new long[1];
        flash.attempt(redirect, "liaison.visitor.became-issue", () -> issue[0] = points.toIssue(entry, scope, nature));
        return issue[0] == 0 ? "redirect:/admin/liaison" : "redirect:/admin/issues/" + issue[0];
    }
}
