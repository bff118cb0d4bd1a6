package com.countyleague.volunteer.web;

import java.io.IOException;

import com.countyleague.volunteer.LateShifts;
import com.countyleague.web.Flash;

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

/** Shifts confirmed late: asked for at the post, decided one level up. */
@Controller
class LateShiftController {

    private final LateShifts lateShifts;
    private final Flash flash;

    LateShiftController(LateShifts lateShifts, Flash flash) {
        this.lateShifts = lateShifts;
        this.flash = flash;
    }

    @PostMapping("/volunteer/posts/{id}/late")
    String request(@PathVariable long id, @RequestParam(required = false) Long shiftId, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) MultipartFile evidence, RedirectAttributes redirect) throws IOException {
        byte[] bytes = evidence == null ? new byte[0] : evidence.getBytes();
        flash.attempt(redirect, "backfill.requested", () -> lateShifts.request(id, shiftId == null ? -1 : shiftId, reason, bytes));
        return "redirect:/volunteer/posts/" + id;
    }

    @GetMapping("/volunteer/late-shifts")
    String waiting(Model model) {
        model.addAttribute("rows", lateShifts.waiting());
        return "volunteer/late-shifts";
    }

    @PostMapping("/volunteer/late-shifts/{id}/approve")
    String approve(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        flash.attempt(redirect, "backfill.approved", () -> lateShifts.approve(id, note));
        return "redirect:/volunteer/late-shifts";
    }

    @PostMapping("/volunteer/late-shifts/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        flash.attempt(redirect, "backfill.rejected", () -> lateShifts.reject(id, note));
        return "redirect:/volunteer/late-shifts";
    }

    @GetMapping("/volunteer/late-shifts/{id}/evidence")
    ResponseEntity<byte[]> evidence(@PathVariable long id) {
        LateShifts.Evidence evidence = lateShifts.evidence(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(evidence.contentType())).body(evidence.bytes());
    }
}
