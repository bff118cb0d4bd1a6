package com.countyleague.venue.web;

import com.countyleague.venue.Coverage;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The 15-minute walking circle of a subtree: the page and its map. */
@Controller
class CoverageController {

    private final Coverage coverage;
    private final MessageSource messages;

    CoverageController(Coverage coverage, MessageSource messages) {
        this.coverage = coverage;
        this.messages = messages;
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
