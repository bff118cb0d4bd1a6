package com.countyleague.venue.web;

import com.countyleague.venue.ToolHouse;
import com.countyleague.web.Flash;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The tool house: the manager's desk at a venue, and the member's shelf on their phone. */
@Controller
class ToolController {

    private final ToolHouse tools;
    private final Flash flash;

    ToolController(ToolHouse tools, Flash flash) {
        this.tools = tools;
        this.flash = flash;
    }

    @GetMapping("/admin/venues/{id}/tools")
    String desk(@PathVariable long id, @RequestParam(required = false) Long itemId, @RequestParam(required = false) Long personId,
                Model model) {
        model.addAttribute("desk", tools.desk(id, itemId, personId));
        model.addAttribute("narrowed", itemId != null || personId != null);
        return "venue/tools";
    }

    @PostMapping("/admin/venues/{id}/tools")
    String addItem(@PathVariable long id, @RequestParam(required = false) String name, @RequestParam(required = false) Integer quantity,
                   RedirectAttributes redirect) {
        flash.attempt(redirect, "tool.item.added", () -> tools.addItem(id, name, quantity));
        return "redirect:/admin/venues/" + id + "/tools";
    }

    @PostMapping("/admin/tools/loans/{loan}/lend")
    String lend(@PathVariable long loan, @RequestParam long venue,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn, RedirectAttributes redirect) {
        flash.attempt(redirect, "tool.loan.lent", () -> tools.lend(loan, dueOn));
        return "redirect:/admin/venues/" + venue + "/tools";
    }

    @PostMapping("/admin/tools/loans/{loan}/refuse")
    String refuse(@PathVariable long loan, @RequestParam long venue, RedirectAttributes redirect) {
        flash.attempt(redirect, "tool.loan.refused", () -> tools.refuse(loan));
        return "redirect:/admin/venues/" + venue + "/tools";
    }

    @PostMapping("/admin/tools/loans/{loan}/return")
    String giveBack(@PathVariable long loan, @RequestParam long venue, @RequestParam(required = false) String condition,
                    RedirectAttributes redirect) {
        flash.attempt(redirect, "tool.loan.returned", () -> tools.giveBack(loan, condition));
        return "redirect:/admin/venues/" + venue + "/tools";
    }

    @GetMapping("/me/tools")
    String shelf(Model model) {
        model.addAttribute("shelf", tools.shelf());
        return "venue/my-tools";
    }

    @PostMapping("/me/tools/{item}/request")
    String request(@PathVariable long item, RedirectAttributes redirect) {
        flash.attempt(redirect, "tool.loan.requested", () -> tools.request(item));
        return "redirect:/me/tools";
    }
}
