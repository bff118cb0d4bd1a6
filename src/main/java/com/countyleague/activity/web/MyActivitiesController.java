package com.countyleague.activity.web;

import java.io.IOException;
import java.util.function.Supplier;

import com.countyleague.activity.Activities;
import com.countyleague.activity.Activity;
import com.countyleague.activity.CheckIns;
import com.countyleague.activity.Ratings;
import com.countyleague.activity.SignUp;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Activities on a member's phone: what is coming, signing up and cancelling, checking in by code or
 * by scanning the organiser's screen (the QR code opens {@code /check-in/{token}}), online proofs.
 */
@Controller
class MyActivitiesController {

    private final Activities activities;
    private final CheckIns checkIns;
    private final Ratings ratings;
    private final Flash flash;

    MyActivitiesController(Activities activities, CheckIns checkIns, Ratings ratings, Flash flash) {
        this.activities = activities;
        this.ratings = ratings;
        this.checkIns = checkIns;
        this.flash = flash;
    }

    @GetMapping("/me/activities")
    String list(@RequestParam(required = false) Activity.Type type, Model model) {
        model.addAttribute("upcoming", activities.upcoming(type));
        model.addAttribute("attended", activities.attended());
        model.addAttribute("types", Activity.Type.values());
        model.addAttribute("type", type);
        return "activity/mine";
    }

    @GetMapping("/me/activities/{id}")
    String detail(@PathVariable long id, Model model) {
        Activities.MemberView view = activities.forMember(id);
        model.addAttribute("view", view);
        model.addAttribute("rating", ratings.mine(view));
        return "activity/detail";
    }

    @PostMapping("/me/activities/{id}/rating")
    String rate(@PathVariable long id, @RequestParam(required = false) Integer score, @RequestParam(required = false) String comment,
                RedirectAttributes redirect) {
        flash.attempt(redirect, "rating.saved", () -> ratings.rate(id, score, comment));
        return "redirect:/me/activities/" + id;
    }

    @PostMapping("/me/activities/{id}/sign-up")
    String signUp(@PathVariable long id, RedirectAttributes redirect) {
        try {
            flash.success(redirect, activities.signUp(id) == SignUp.Status.WAITING
                    ? "activity.signup.waiting" : "activity.signup.done");
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/me/activities/" + id;
    }

    @PostMapping("/me/activities/{id}/cancel")
    String cancel(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, "activity.signup.cancelled", () -> activities.cancelSignUp(id));
        return "redirect:/me/activities/" + id;
    }

    @PostMapping("/me/activities/{id}/code")
    String code(@PathVariable long id, @RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        return outcome(model, response, () -> checkIns.enterCode(id, code));
    }

    @PostMapping("/me/activities/{id}/proof")
    String proof(@PathVariable long id, @RequestParam(required = false) String text,
                 @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) throws IOException {
        byte[] bytes = photo == null || photo.isEmpty() ? null : photo.getBytes();
        flash.attempt(redirect, "task.submitted", () -> checkIns.submitProof(id, text, bytes));
        return "redirect:/me/activities/" + id;
    }

    /** Check-in by typing the code on the screen, without looking for the activity first. */
    @GetMapping("/me/check-in")
    String codeForm() {
        return "activity/check-in";
    }

    @PostMapping("/me/check-in")
    String enterCode(@RequestParam(required = false) String code, Model model, HttpServletResponse response) {
        return outcome(model, response, () -> checkIns.enterCode(null, code));
    }

    /** Where the QR code on the organiser's screen leads; sign-in first if needed, then straight to the result. */
    @GetMapping("/check-in/{token}")
    String scan(@PathVariable String token, Model model, HttpServletResponse response) {
        return outcome(model, response, () -> checkIns.scan(token));
    }

    private String outcome(Model model, HttpServletResponse response, Supplier<CheckIns.Outcome> attempt) {
        try {
            model.addAttribute("outcome", attempt.get());
        } catch (RuleViolationException refusal) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", refusal);
        }
        return "activity/check-in";
    }
}
