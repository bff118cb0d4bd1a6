package com.countyleague.activity.web;

import java.time.Instant;
import java.time.LocalDateTime;

import com.countyleague.activity.CheckIns;
import com.countyleague.web.Flash;
import com.countyleague.web.Formats;
import com.countyleague.web.PublicUrls;
import com.countyleague.web.QrCodes;
import com.countyleague.web.RuleViolationException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The organiser's side of check-in: the screen with its rotating QR code and 6-digit code (refreshed
 * by htmx), attendance recorded by hand, and the review of online proofs.
 */
@Controller
@RequestMapping("/activities/{id}")
class CheckInController {

    private static final int QR_PIXELS = 360;

    private final CheckIns checkIns;
    private final PublicUrls urls;
    private final Formats formats;
    private final Flash flash;

    CheckInController(CheckIns checkIns, PublicUrls urls, Formats formats, Flash flash) {
        this.checkIns = checkIns;
        this.urls = urls;
        this.formats = formats;
        this.flash = flash;
    }

    @GetMapping("/screen")
    String screen(@PathVariable long id, @RequestParam(defaultValue = "IN") CheckIns.Purpose purpose, Model model) {
        model.addAttribute("screen", checkIns.screen(id, purpose));
        return "activity/screen";
    }

    /** The part of the screen that changes: code, QR image and count; htmx asks for it every few seconds. */
    @GetMapping("/screen/live")
    String live(@PathVariable long id, @RequestParam(defaultValue = "IN") CheckIns.Purpose purpose, Model model) {
        model.addAttribute("screen", checkIns.screen(id, purpose));
        return "activity/_screen-live";
    }

    @GetMapping("/screen/qr.png")
    ResponseEntity<byte[]> qr(@PathVariable long id, @RequestParam(defaultValue = "IN") CheckIns.Purpose purpose) {
        CheckIns.Screen screen = checkIns.screen(id, purpose);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCodes.png(urls.of("/check-in/" + screen.token()), QR_PIXELS));
    }

    @PostMapping("/attendance/in")
    String checkInByHand(@PathVariable long id, @RequestParam(required = false) Long personId,
                         @RequestParam(required = false) String idNumber,
                         @RequestParam(required = false) @DateTimeFormat(pattern = ActivityForm.MINUTES, fallbackPatterns = ActivityForm.SECONDS) LocalDateTime at,
                         @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "checkin.manual.in-done", () -> checkIns.checkInByHand(id, personId, idNumber, instant(at), reason));
    }

    @PostMapping("/attendance/out")
    String checkOutByHand(@PathVariable long id, @RequestParam long personId,
                          @RequestParam(required = false) @DateTimeFormat(pattern = ActivityForm.MINUTES, fallbackPatterns = ActivityForm.SECONDS) LocalDateTime at,
                          @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "checkin.manual.out-done", () -> checkIns.checkOutByHand(id, personId, instant(at), reason));
    }

    @PostMapping("/attendance/sign-out-remaining")
    String signOutRemaining(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            int count = checkIns.signOutRemaining(id, reason);
            flash.success(redirect, "checkin.manual.remaining-done", count);
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/activities/" + id;
    }

    @PostMapping("/proofs/{submission}/review")
    String review(@PathVariable long id, @PathVariable long submission, @RequestParam boolean approve,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, approve ? "task.approved" : "task.rejected", () -> checkIns.reviewProof(submission, approve, note));
    }

    private Instant instant(LocalDateTime at) {
        return at == null ? null : at.atZone(formats.zone()).toInstant();
    }

    private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
        flash.attempt(redirect, success, action);
        return "redirect:/activities/" + id;
    }
}
