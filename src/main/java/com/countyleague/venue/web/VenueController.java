package com.countyleague.venue.web;

import com.countyleague.org.Organizations;
import com.countyleague.venue.Coverage;
import com.countyleague.venue.Venue;
import com.countyleague.venue.Venues;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Venues: the list, their form, a venue's week with its bookings, and the coverage page with its map. */
@Controller
class VenueController {

    private final Venues venues;
    private final Coverage coverage;
    private final Organizations organizations;
    private final MessageSource messages;
    private final Flash flash;

    VenueController(Venues venues, Coverage coverage, Organizations organizations, MessageSource messages, Flash flash) {
        this.venues = venues;
        this.coverage = coverage;
        this.organizations = organizations;
        this.messages = messages;
        this.flash = flash;
    }

    @InitBinder("venueForm")
    void allowFields(WebDataBinder binder) {
        binder.setAllowedFields(VenueForm.FIELDS);
    }

    @GetMapping("/admin/venues")
    String list(Model model) {
        model.addAttribute("venues", venues.inReach());
        return "venue/list";
    }

    @GetMapping("/admin/venues/new")
    String newForm(Model model) {
        model.addAttribute("venueForm", new VenueForm());
        return form(model, null);
    }

    @PostMapping("/admin/venues/new")
    String create(@Valid @ModelAttribute VenueForm venueForm, BindingResult result, Model model, RedirectAttributes redirect) {
        return save(null, venueForm, result, model, redirect);
    }

    @GetMapping("/admin/venues/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        model.addAttribute("venueForm", VenueForm.of(venues.settings(id)));
        return form(model, id);
    }

    @PostMapping("/admin/venues/{id}/edit")
    String update(@PathVariable long id, @Valid @ModelAttribute VenueForm venueForm, BindingResult result, Model model,
                  RedirectAttributes redirect) {
        venues.settings(id);
        return save(id, venueForm, result, model, redirect);
    }

    @GetMapping("/admin/venues/{id}")
    String week(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate week,
                Model model) {
        model.addAttribute("week", venues.week(id, week));
        return "venue/week";
    }

    @PostMapping("/admin/venues/{id}/bookings")
    String book(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime from,
                @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime to,
                @RequestParam(required = false) Long activityId, @RequestParam(required = false) Long groupId,
                @RequestParam(required = false) String purpose, @RequestParam(required = false) Integer attendees,
                RedirectAttributes redirect) {
        flash.attempt(redirect, "booking.saved", () -> venues.book(id, request(day, from, to, activityId, groupId, purpose, attendees)));
        return "redirect:/admin/venues/" + id + (day == null ? "" : "?week=" + day);
    }

    /** A member's phone: the venues that serve their unit, and what they have asked for. */
    @GetMapping("/me/venues")
    String myVenues(Model model) {
        model.addAttribute("mine", venues.mine());
        return "venue/mine";
    }

    @PostMapping("/me/venues/{id}/bookings")
    String ask(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
               @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime from,
               @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime to,
               @RequestParam(required = false) String purpose, @RequestParam(required = false) Integer attendees,
               RedirectAttributes redirect) {
        flash.attempt(redirect, "booking.asked", () -> venues.book(id, request(day, from, to, null, null, purpose, attendees)));
        return "redirect:/me/venues";
    }

    private static Venues.BookingRequest request(LocalDate day, LocalTime from, LocalTime to, Long activityId, Long groupId, String purpose,
                                                 Integer attendees) {
        return new Venues.BookingRequest(day == null || from == null ? null : day.atTime(from), day == null || to == null ? null : day.atTime(to),
                activityId, groupId, purpose, attendees);
    }

    @PostMapping("/admin/venues/bookings/{booking}/decide")
    String decide(@PathVariable long booking, @RequestParam boolean confirm, @RequestParam long venue, RedirectAttributes redirect) {
        flash.attempt(redirect, confirm ? "booking.confirmed" : "booking.refused", () -> venues.decide(booking, confirm));
        return "redirect:/admin/venues/" + venue;
    }

    @PostMapping("/admin/venues/bookings/{booking}/cancel")
    String cancel(@PathVariable long booking, @RequestParam long venue, RedirectAttributes redirect) {
        flash.attempt(redirect, "booking.cancelled", () -> venues.cancel(booking));
        return "redirect:/admin/venues/" + venue;
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

    private String save(Long id, VenueForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Venue.Details details = form.details();
                Long saved = id;
                if (id == null) {
                    saved = venues.create(details);
                } else {
                    venues.update(id, details);
                }
                flash.success(redirect, "venue.saved");
                return "redirect:/admin/venues/" + saved;
            } catch (RuleViolationException refusal) {
                refusal.addTo(result, form);
            }
        }
        return form(model, id);
    }

    private String form(Model model, Long id) {
        model.addAttribute("venueId", id);
        model.addAttribute("kinds", venues.kinds());
        model.addAttribute("units", organizations.inReach());
        return "venue/form";
    }
}
