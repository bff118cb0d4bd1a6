package com.countyleague.venue.web;

import com.countyleague.group.Groups;
import com.countyleague.org.Organizations;
import com.countyleague.venue.Venue;
import com.countyleague.venue.VenueExtras;
import com.countyleague.venue.Venues;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.Valid;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Venues for the staff who manage them: the list, the form, a venue's week with its bookings, residents and photos. */
@Controller
class VenueController {

    private final Venues venues;
    private final VenueExtras extras;
    private final Groups groups;
    private final Organizations organizations;
    private final Flash flash;

    VenueController(Venues venues, VenueExtras extras, Groups groups, Organizations organizations, Flash flash) {
        this.venues = venues;
        this.extras = extras;
        this.groups = groups;
        this.organizations = organizations;
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
        Venues.Week shown = venues.week(id, week);
        model.addAttribute("week", shown);
        model.addAttribute("residents", extras.residents(id));
        model.addAttribute("photos", extras.photoIds(id));
        if (shown.manager()) {
            model.addAttribute("units", organizations.inReach());
            model.addAttribute("groups", groups.inReach());
        }
        return "venue/week";
    }

    @PostMapping("/admin/venues/{id}/residents")
    String addResident(@PathVariable long id, @RequestParam(required = false) Long organizationId,
                       @RequestParam(required = false) Long groupId, RedirectAttributes redirect) {
        flash.attempt(redirect, "venue.resident.added", () -> extras.addResident(id, organizationId, groupId));
        return "redirect:/admin/venues/" + id;
    }

    @PostMapping("/admin/venues/{id}/photos")
    String addPhoto(@PathVariable long id, @RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = photo == null ? new byte[0] : photo.getBytes();
        flash.attempt(redirect, "venue.photo.added", () -> extras.addPhoto(id, bytes));
        return "redirect:/admin/venues/" + id;
    }

    @GetMapping("/admin/venues/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
        venues.requireVisible(id);
        VenueExtras.Photo photo = extras.photo(id, photoId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType())).body(photo.bytes());
    }

    @PostMapping("/admin/venues/{id}/bookings")
    String book(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime from,
                @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime to,
                @RequestParam(required = false) Long activityId, @RequestParam(required = false) Long groupId,
                @RequestParam(required = false) String purpose, @RequestParam(required = false) Integer attendees,
                RedirectAttributes redirect) {
        flash.attempt(redirect, "booking.saved",
                () -> venues.book(id, Venues.BookingRequest.on(day, from, to, activityId, groupId, purpose, attendees)));
        return "redirect:/admin/venues/" + id + (day == null ? "" : "?week=" + day);
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
