package com.countyleague.orglife.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;

import com.countyleague.orglife.DuesCategory;
import com.countyleague.orglife.Dues;
import com.countyleague.orglife.DuesImport;
import com.countyleague.orglife.SheetRefusedException;
import com.countyleague.web.AdminChange;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A branch's dues in a month: who pays what, what is paid, the arrears; recording a payment, setting a member's band. */
@Controller
class DuesController {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000");

    private final Dues dues;
    private final DuesImport duesImport;
    private final Flash flash;

    DuesController(Dues dues, DuesImport duesImport, Flash flash) {
        this.dues = dues;
        this.duesImport = duesImport;
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

    /** A refused sheet is answered on the page with every row that matched nobody; nothing is kept. */
    @PostMapping("/admin/dues/import")
    String importPayments(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long org, Model model,
                          RedirectAttributes redirect) throws IOException {
        try {
            int stored = duesImport.importPayments(org, file == null ? null : file.getBytes());
            flash.success(redirect, "dues.imported", stored);
            return back(org, null);
        } catch (SheetRefusedException refused) {
            model.addAttribute("problems", refused.problems());
        } catch (RuleViolationException refusal) {
            model.addAttribute("refusal", refusal);
        }
        return branch(org, null, model);
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
        Integer incomeFen = fen(incomeYuan);
        flash.attempt(redirect, "dues.band-set", () -> dues.setProfile(personId, category, incomeFen));
        return back(org, month);
    }

    @AdminChange
    @PostMapping("/admin/dues/bands")
    String bands(@RequestParam(required = false) BigDecimal thresholdYuan, @RequestParam(required = false) BigDecimal belowYuan,
                 @RequestParam(required = false) Integer permille, @RequestParam(required = false) BigDecimal reducedYuan,
                 RedirectAttributes redirect) {
        flash.attempt(redirect, "dues.bands.saved", () -> dues.setBands(fen(thresholdYuan), fen(belowYuan), permille, fen(reducedYuan)));
        return "redirect:/admin/dues";
    }

    /** Yuan and fen between zero and ten million, in fen; anything else is no amount. */
    private static Integer fen(BigDecimal yuan) {
        boolean usable = yuan != null && yuan.signum() >= 0 && yuan.scale() <= 2 && yuan.compareTo(MAX_AMOUNT) <= 0;
        return usable ? yuan.movePointRight(2).intValueExact() : null;
    }

    private static String back(Long org, YearMonth month) {
        return "redirect:/admin/dues?" + (month == null ? "" : "month=" + month + "&") + (org == null ? "" : "org=" + org);
    }
}
