package com.countyleague.member.web;

import java.util.Map;

import com.countyleague.member.Corrections;
import com.countyleague.member.MyData;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A member's own data (PIPL): what is held about them, as a page and as a file to take away, who
 * revealed or exported it, and requests to correct it; the staff's list of those requests.
 */
@Controller
class PrivacyController {

    private final MyData myData;
    private final Corrections corrections;
    private final Flash flash;

    PrivacyController(MyData myData, Corrections corrections, Flash flash) {
        this.myData = myData;
        this.corrections = corrections;
        this.flash = flash;
    }

    @GetMapping("/me/privacy")
    String mine(Model model) {
        model.addAttribute("view", myData.mine());
        model.addAttribute("fields", Corrections.Field.values());
        return "member/privacy";
    }

    @GetMapping("/me/privacy/download")
    ResponseEntity<Map<String, Object>> download() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"my-data.json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(myData.download());
    }

    @PostMapping("/me/privacy/corrections")
    String ask(@RequestParam(required = false) Corrections.Field field, @RequestParam(required = false) String wanted,
               Model model, RedirectAttributes redirect) {
        try {
            corrections.ask(field, wanted);
        } catch (RuleViolationException refusal) {
            model.addAttribute("refusal", refusal);
            model.addAttribute("wanted", wanted);
            return mine(model);
        }
        flash.success(redirect, "privacy.correction.sent");
        return "redirect:/me/privacy";
    }

    @GetMapping("/admin/people/corrections")
    String open(Model model) {
        model.addAttribute("requests", corrections.open());
        return "member/corrections";
    }

    @PostMapping("/admin/people/corrections/{id}")
    String answer(@PathVariable long id, @RequestParam(defaultValue = "false") boolean done,
                  @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        flash.attempt(redirect, done ? "privacy.correction.closed-done" : "privacy.correction.closed-declined",
                () -> corrections.answer(id, done, answer));
        return "redirect:/admin/people/corrections";
    }
}
