package com.countyleague.council.web;

import java.time.LocalDateTime;

import com.countyleague.council.CallOuts;
import com.countyleague.web.Flash;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Urgent call-outs: staff send and follow them; members answer on their phone. */
@Controller
class CallOutController {

    private final CallOuts callOuts;
    private final Flash flash;

    CallOutController(CallOuts callOuts, Flash flash) {
        this.callOuts = callOuts;
        this.flash = flash;
    }

    @GetMapping("/admin/call-outs")
    String list(Model model) {
        model.addAttribute("callOuts", callOuts.list());
        model.addAttribute("teams", callOuts.teams());
        return "council/call-outs";
    }

    @PostMapping("/admin/call-outs")
    String send(@RequestParam(required = false) Long groupId, @RequestParam(required = false) String title,
                @RequestParam(required = false) String place,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
                @RequestParam(required = false) Integer needed, RedirectAttributes redirect) {
        flash.attempt(redirect, "callout.sent", () -> callOuts.send(new CallOuts.Draft(groupId, title, place, startsAt, endsAt, needed)));
        return "redirect:/admin/call-outs";
    }

    @GetMapping("/admin/call-outs/{id}")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("view", callOuts.page(id));
        return "council/call-out";
    }

    @PostMapping("/admin/call-outs/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, "callout.closed-now", () -> callOuts.close(id));
        return "redirect:/admin/call-outs/" + id;
    }

    @GetMapping("/me/call-outs")
    String mine(Model model) {
        model.addAttribute("callOuts", callOuts.mine());
        return "council/my-call-outs";
    }

    @GetMapping("/me/call-outs/{id}")
    String myCallOut(@PathVariable long id, Model model) {
        model.addAttribute("c", callOuts.mine(id));
        return "council/my-call-out";
    }

    @PostMapping("/me/call-outs/{id}/answer")
    String answer(@PathVariable long id, @RequestParam boolean coming, RedirectAttributes redirect) {
        flash.attempt(redirect, coming ? "callout.answered.coming" : "callout.answered.not-coming", () -> callOuts.answer(id, coming));
        return "redirect:/me/call-outs/" + id;
    }
}
