package com.countyleague.orglife.web;

import java.time.LocalDate;

import com.countyleague.orglife.Recommendations;
import com.countyleague.web.Flash;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 推优入党: a unit's recommendations with the step each awaits, and nominating a branch's members. */
@Controller
@RequestMapping("/admin/recommendations")
class RecommendationController {

    private final Recommendations recommendations;
    private final Flash flash;

    RecommendationController(Recommendations recommendations, Flash flash) {
        this.recommendations = recommendations;
        this.flash = flash;
    }

    @GetMapping
    String board(@RequestParam(required = false) Long org, Model model) {
        model.addAttribute("board", recommendations.board(org));
        model.addAttribute("outcomes", Recommendations.Outcome.values());
        return "orglife/recommendations";
    }

    @PostMapping
    String nominate(@RequestParam long personId, @RequestParam(required = false) String reason, @RequestParam(required = false) Long org,
                    RedirectAttributes redirect) {
        flash.attempt(redirect, "recommendation.nominated", () -> recommendations.nominate(personId, reason));
        return back(org);
    }

    @PostMapping("/{id}/decide")
    String decide(@PathVariable long id, @RequestParam(required = false) Long meetingId, @RequestParam(required = false) Long org, RedirectAttributes redirect) {
        flash.attempt(redirect, "recommendation.decided", () -> recommendations.decide(id, meetingId));
        return back(org);
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(defaultValue = "true") boolean approved, @RequestParam(required = false) String note,
                   @RequestParam(required = false) Long org, RedirectAttributes redirect) {
        flash.attempt(redirect, approved ? "recommendation.approved" : "recommendation.rejected",
                () -> recommendations.approve(id, approved, note));
        return back(org);
    }

    @PostMapping("/{id}/outcome")
    String conclude(@PathVariable long id, @RequestParam(required = false) Recommendations.Outcome outcome,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                    @RequestParam(required = false) Long org, RedirectAttributes redirect) {
        flash.attempt(redirect, "recommendation.concluded", () -> recommendations.conclude(id, outcome, on));
        return back(org);
    }

    private static String back(Long org) {
        return "redirect:/admin/recommendations" + (org == null ? "" : "?org=" + org);
    }
}
