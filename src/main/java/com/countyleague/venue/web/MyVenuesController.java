package com.countyleague.venue.web;

import com.countyleague.venue.Venues;
import com.countyleague.web.Flash;

import java.time.LocalDate;
import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Venues on a member's phone: those that serve their unit, and asking for one. */
@Controller
class MyVenuesController {

    private final Venues venues;
    private final Flash flash;

    MyVenuesController(Venues venues, Flash flash) {
        this.venues = venues;
        this.flash = flash;
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
        flash.attempt(redirect, "booking.asked", () -> venues.book(id, Venues.BookingRequest.on(day, from, to, null, null, purpose, attendees)));
        return "redirect:/me/venues";
    }
}
