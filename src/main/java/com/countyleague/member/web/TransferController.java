package com.countyleague.member.web;

import com.countyleague.member.Transfers;
import com.countyleague.web.Flash;
import com.countyleague.web.Paging;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 组织关系转接: asking on a person's page, accepting or rejecting on the receiving side. */
@Controller
@RequestMapping("/admin/people")
class TransferController {

    private final Transfers transfers;
    private final Flash flash;

    TransferController(Transfers transfers, Flash flash) {
        this.transfers = transfers;
        this.flash = flash;
    }

    @PostMapping("/{id}/transfer")
    String request(@PathVariable long id, @RequestParam(required = false) Long toOrgId,
                   @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            transfers.request(id, toOrgId, reason);
            flash.success(redirect, "member.transfer.requested");
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/people/" + id;
    }

    @GetMapping("/transfers")
    String list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size, Model model) {
        model.addAttribute("page", transfers.list(Paging.of(page, size, Sort.unsorted())));
        return "member/transfers";
    }

    @PostMapping("/transfers/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return decide(redirect, "member.transfer.accepted", () -> transfers.accept(id, note));
    }

    @PostMapping("/transfers/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return decide(redirect, "member.transfer.rejected", () -> transfers.reject(id, note));
    }

    @PostMapping("/transfers/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        return decide(redirect, "member.transfer.cancelled", () -> transfers.cancel(id));
    }

    private String decide(RedirectAttributes redirect, String success, Runnable decision) {
        try {
            decision.run();
            flash.success(redirect, success);
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/people/transfers";
    }
}
