package com.countyleague.activity.web;

import com.countyleague.activity.AttendanceReview;
import com.countyleague.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review of flagged attendance: clear a flag, or revoke the hours. */
@Controller
class FlagController {

    private final AttendanceReview review;
    private final Flash flash;

    FlagController(AttendanceReview review, Flash flash) {
        this.review = review;
        this.flash = flash;
    }

    @GetMapping("/activities/flags")
    String list(Model model) {
        model.addAttribute("flags", review.open());
        return "activity/flags";
    }

    @PostMapping("/activities/flags/{id}/clear")
    String clear(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        flash.attempt(redirect, "attendance.flag.cleared", () -> review.clear(id, note));
        return "redirect:/activities/flags";
    }

    @PostMapping("/activities/flags/{id}/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        flash.attempt(redirect, "attendance.hours.revoked", () -> review.revoke(id, reason));
        return "redirect:/activities/flags";
    }
}
