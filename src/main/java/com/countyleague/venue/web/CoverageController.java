package com.countyleague.venue.web;

import com.countyleague.venue.CompoundPositions;
import com.countyleague.venue.Coverage;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 15-minute walking circle of a subtree: the page and its map. */
@Controller
class CoverageController {

    private final Coverage coverage;
    private final CompoundPositions positions;
    private final MessageSource messages;
    private final Flash flash;

    CoverageController(Coverage coverage, CompoundPositions positions, MessageSource messages, Flash flash) {
        this.coverage = coverage;
        this.positions = positions;
        this.messages = messages;
        this.flash = flash;
    }

    /** Compound positions from a sheet: all rows or none; the problems by row number when refused. */
    @PostMapping("/admin/venues/positions")
    String load(@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) Long under, RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        try {
            CompoundPositions.Outcome outcome = positions.load(bytes);
            if (outcome.problems().isEmpty()) {
                flash.success(redirect, "positions.loaded", outcome.located());
            } else {
                Locale locale = LocaleContextHolder.getLocale();
                redirect.addFlashAttribute("failure", outcome.problems().stream().limit(20)
                        .map(p -> messages.getMessage("positions.row", new Object[] {p.row(),
                                messages.getMessage(p.messageKey(), new Object[] {p.argument()}, locale)}, locale))
                        .collect(Collectors.joining("；")));
            }
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
        }
        return "redirect:/admin/venues/coverage" + (under == null ? "" : "?under=" + under);
    }

    @GetMapping("/admin/venues/coverage")
    String coverage(@RequestParam(required = false) Long under, Model model) {
        model.addAttribute("coverage", coverage.of(under));
        return "venue/coverage";
    }

    /** The coverage map, drawn by the application: no tile server, nothing from the internet. */
    @GetMapping(value = "/admin/venues/coverage.svg")
    ResponseEntity<String> map(@RequestParam(required = false) Long under) {
        String scale = messages.getMessage("coverage.scale", null, LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(Coverage.svg(coverage.of(under), scale));
    }
}
