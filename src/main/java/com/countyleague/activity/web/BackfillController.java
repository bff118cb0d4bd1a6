package com.countyleague.activity.web;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.countyleague.activity.Backfills;
import com.countyleague.web.Flash;
import com.countyleague.web.Formats;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 补录: asked for by the host's staff or by the member, decided one level up. */
@Controller
class BackfillController {

    private final Backfills backfills;
    private final Formats formats;
    private final Flash flash;

    BackfillController(Backfills backfills, Formats formats, Flash flash) {
        this.backfills = backfills;
        this.formats = formats;
        this.flash = flash;
    }

    @PostMapping("/activities/{id}/backfills")
    String request(@PathVariable long id, @RequestParam(required = false) Long personId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime in,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime out,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) MultipartFile evidence,
                   RedirectAttributes redirect) throws IOException {
        Backfills.Request request = request(personId, in, out, reason, evidence);
        flash.attempt(redirect, "backfill.requested", () -> backfills.request(id, request));
        return "redirect:/activities/" + id;
    }

    @PostMapping("/me/activities/{id}/backfill")
    String requestOwn(@PathVariable long id,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime in,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime out,
                      @RequestParam(required = false) String reason, @RequestParam(required = false) MultipartFile evidence,
                      RedirectAttributes redirect) throws IOException {
        Backfills.Request request = request(null, in, out, reason, evidence);
        flash.attempt(redirect, "backfill.requested", () -> backfills.requestOwn(id, request));
        return "redirect:/me/activities/" + id;
    }

    @GetMapping("/activities/backfills")
    String waiting(Model model) {
        model.addAttribute("rows", backfills.waiting());
        return "activity/backfills";
    }

    @PostMapping("/activities/backfills/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        flash.attempt(redirect, "backfill.approved", () -> backfills.approve(id, note));
        return "redirect:/activities/backfills";
    }

    @PostMapping("/activities/backfills/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        flash.attempt(redirect, "backfill.rejected", () -> backfills.reject(id, note));
        return "redirect:/activities/backfills";
    }

    @GetMapping("/activities/backfills/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        Backfills.Evidence evidence = backfills.evidence(id, evidenceId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(evidence.contentType())).body(evidence.bytes());
    }

    private Backfills.Request request(Long personId, LocalDateTime in, LocalDateTime out, String reason, MultipartFile evidence)
            throws IOException {
        ZoneId zone = formats.zone();
        return new Backfills.Request(personId, in == null ? null : in.atZone(zone).toInstant(), out == null ? null : out.atZone(zone).toInstant(),
                reason, evidence == null ? null : evidence.getBytes());
    }
}
