package com.countyleague.activity.web;

import com.countyleague.activity.IdleBranches;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The branches that held no activity lately: where the dashboard's idleness figures lead. */
@Controller
class IdleBranchesController {

    private final IdleBranches idle;

    IdleBranchesController(IdleBranches idle) {
        this.idle = idle;
    }

    @GetMapping("/activities/idle-branches")
    String list(@RequestParam(required = false) Long under, @RequestParam(defaultValue = "30") int days, Model model) {
        model.addAttribute("idle", idle.under(under, days));
        return "activity/idle-branches";
    }
}
