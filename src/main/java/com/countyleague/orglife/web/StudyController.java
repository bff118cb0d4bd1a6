package com.countyleague.orglife.web;

import java.io.IOException;
import java.time.LocalDate;

import com.countyleague.orglife.SheetRefusedException;
import com.countyleague.orglife.YouthStudy;
import com.countyleague.web.AdminChange;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 青年大学习: the completion rates by week, importing a week's list, the county's line. */
@Controller
@RequestMapping("/admin/study")
class StudyController {

    private final YouthStudy study;
    private final Flash flash;

    StudyController(YouthStudy study, Flash flash) {
        this.study = study;
        this.flash = flash;
    }

    @GetMapping
    String rates(@RequestParam(required = false) Long org, Model model) {
        model.addAttribute("view", study.view(org));
        return "orglife/study";
    }

    /** A refused sheet is answered on the page with every row that matched nobody; nothing is kept. */
    @PostMapping("/import")
    String importWeek(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
                      @RequestParam(required = false) String title, @RequestParam(required = false) MultipartFile file, Model model,
                      RedirectAttributes redirect) throws IOException {
        try {
            YouthStudy.Imported imported = study.importWeek(week, title, file == null ? null : file.getBytes());
            flash.success(redirect, "study.imported", imported.rows(), imported.added());
            return "redirect:/admin/study";
        } catch (SheetRefusedException refused) {
            model.addAttribute("problems", refused.problems());
        } catch (RuleViolationException refusal) {
            model.addAttribute("refusal", refusal);
        }
        model.addAttribute("view", study.view(null));
        return "orglife/study";
    }

    @AdminChange
    @PostMapping("/line")
    String line(@RequestParam(required = false) Integer percent, RedirectAttributes redirect) {
        flash.attempt(redirect, "study.line.saved", () -> study.setLine(percent));
        return "redirect:/admin/study";
    }
}
