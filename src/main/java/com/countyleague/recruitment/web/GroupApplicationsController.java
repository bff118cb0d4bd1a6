package com.countyleague.recruitment.web;

import com.countyleague.recruitment.Recruitment;
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

/** A group's applications from campaigns, for whoever runs the group: approve (and onboard) or reject. */
@Controller
@RequestMapping("/groups/{groupId}/applications")
class GroupApplicationsController {

    private final Recruitment recruitment;
    private final Flash flash;

    GroupApplicationsController(Recruitment recruitment, Flash flash) {
        this.recruitment = recruitment;
        this.flash = flash;
    }

    @GetMapping
    String list(@PathVariable long groupId, Model model) {
        model.addAttribute("groupId", groupId);
        model.addAttribute("rows", recruitment.waitingFor(groupId));
        return "recruitment/applications";
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long groupId, @PathVariable long id, RedirectAttributes redirect) {
        try {
            flash.success(redirect, recruitment.approve(id) == Recruitment.Decision.APPROVED
                    ? "application.approved" : "application.held-for-review");
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/groups/" + groupId + "/applications";
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable long groupId, @PathVariable long id, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        return decide(groupId, redirect, "application.rejected", () -> recruitment.reject(id, note));
    }

    private String decide(long groupId, RedirectAttributes redirect, String success, Runnable decision) {
        flash.attempt(redirect, success, decision);
        return "redirect:/groups/" + groupId + "/applications";
    }
}
