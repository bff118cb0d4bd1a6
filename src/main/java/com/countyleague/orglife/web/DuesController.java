package com.countyleague.orglife.web;

import java.math.BigDecimal;
import java.time.YearMonth;

import com.countyleague.orglife.DuesCategory;
import com.countyleague.orglife.Dues;
import com.countyleague.web.Flash;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A branch's dues in a month: who pays what, what is paid, the arrears; recording a payment, setting a member's band. */
@Controller
class DuesController {

    private static final BigDecimal MAX_INCOME = new BigDecimal("10000000");

    private final Dues dues;
    private final Flash flash;

    DuesController(Dues dues, Flash flash) {
        this.dues = dues;
        this.flash = flash;
    }

    @GetMapping("/admin/dues")
    String branch(@RequestParam(required = false) Long org, @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                  Model model) {
        model.addAttribute("dues", dues.branch(org, month));
        model.addAttribute("bands", dues.bands());
        model.addAttribute("categories", DuesCategory.values());
        return "orglife/dues";
    }

    @PostMapping("/admin/dues/payments")
    String record(@RequestParam long personId, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                  @RequestParam(required = false) Long org, RedirectAttributes redirect) {
        flash.attempt(redirect, "dues.recorded", () -> dues.record(personId, month));
        return back(org, month);
    }

    @PostMapping("/admin/dues/profiles")
    String band(@RequestParam long personId, @RequestParam(required = false) DuesCategory category,
                @RequestParam(required = false) BigDecimal incomeYuan, @RequestParam @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
                @RequestParam(required = false) Long org, RedirectAttributes redirect) {
        // anything but yuan and fen between zero and ten million is no income the band can use
        boolean usable = incomeYuan != null && incomeYuan.signum() >= 0 && incomeYuan.scale() <= 2 && incomeYuan.compareTo(MAX_INCOME) <= 0;
        Integer incomeFen = usable ? incomeYuan.movePointRight(2).intValueExact() : null;
        flash.attempt(redirect, "dues.band-set", () -> dues.setProfile(personId, category, incomeFen));
        return back(org, month);
    }

    private static String back(Long org, YearMonth month) {
        return "redirect:/admin/dues?month=" + month + (org == null ? "" : "&org=" + org);
    }
}
