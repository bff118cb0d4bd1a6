package com.countyleague.volunteer.web;

import java.time.LocalDate;

import com.countyleague.volunteer.Rosters;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A member's shifts on their phone: what is coming, asking a teammate to swap, days they cannot serve. */
@Controller
@RequestMapping("/me/shifts")
class MyShiftsController {

    private final Rosters rosters;
    private final Flash flash;

    MyShiftsController(Rosters rosters, Flash flash) {
        this.rosters = rosters;
        this.flash = flash;
    }

    @GetMapping
    String mine(Model model) {
        model.addAttribute("roster", rosters.mine());
        return "volunteer/my-shifts";
    }

    @PostMapping("/{shift}/swap")
    String swap(@PathVariable long shift, @RequestParam(required = false) Long withPersonId,
                @RequestParam(required = false) Long withShiftId, @RequestParam(required = false) String reason,
                RedirectAttributes redirect) {
        return act(redirect, "swap.requested", () -> {
            if (withPersonId == null) {
                throw new RuleViolationException("withPersonId", "swap.not-teammate");
            }
            rosters.requestSwap(shift, withPersonId, withShiftId, reason);
        });
    }

    @PostMapping("/unavailable")
    String unavailable(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(redirect, "unavailable.saved", () -> rosters.declareUnavailable(from, to, note));
    }

    @PostMapping("/unavailable/{id}/delete")
    String withdraw(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "unavailable.withdrawn", () -> rosters.withdrawUnavailability(id));
    }

    private String act(RedirectAttributes redirect, String success, Runnable action) {
        flash.attempt(redirect, success, action);
        return "redirect:/me/shifts";
    }
}
