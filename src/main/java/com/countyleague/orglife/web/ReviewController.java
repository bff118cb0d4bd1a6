package com.countyleague.orglife.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.countyleague.account.OrganizationDirectory.OrganizationRef;
import com.countyleague.account.Reach;
import com.countyleague.member.ReviewGrade;
import com.countyleague.orglife.Meetings;
import com.countyleague.orglife.Reviews;
import com.countyleague.web.Flash;
import com.countyleague.web.RuleViolationException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 团员教育评议: a branch's round for a year, opening it at a branch assembly, grading, submitting; the committee's decision. */
@Controller
@RequestMapping("/admin/reviews")
class ReviewController {

    /** Grades arrive as {@code grade-<person id>} fields, one per member of the round. */
    static final String GRADE_FIELD = "grade-";

    private final Reviews reviews;
    private final Meetings meetings;
    private final Reach reach;
    private final Flash flash;
    private final Clock clock;

    ReviewController(Reviews reviews, Meetings meetings, Reach reach, Flash flash, Clock clock) {
        this.reviews = reviews;
        this.meetings = meetings;
        this.reach = reach;
        this.flash = flash;
        this.clock = clock;
    }

    /** The rounds awaiting the caller's decision, and a branch's round for a year or the assemblies it may be opened at. */
    @GetMapping
    String index(@RequestParam(required = false) Long org, @RequestParam(required = false) Integer year, Model model) {
        int asked = year == null ? LocalDate.now(clock).getYear() : year;
        OrganizationRef unit = reach.unit(org);
        Optional<Reviews.Round> round = reviews.of(unit.id(), asked);
        model.addAttribute("unit", unit);
        model.addAttribute("year", asked);
        model.addAttribute("round", round.orElse(null));
        model.addAttribute("awaiting", reviews.awaitingDecision());
        model.addAttribute("assemblies", meetings.assemblies(unit.id(), asked));
        return "orglife/reviews";
    }

    @PostMapping
    String open(@RequestParam long meetingId, RedirectAttributes redirect) {
        try {
            long id = reviews.open(meetingId);
            flash.success(redirect, "review.opened");
            return "redirect:/admin/reviews/" + id;
        } catch (RuleViolationException refusal) {
            flash.failure(redirect, refusal);
            return "redirect:/admin/reviews";
        }
    }

    @GetMapping("/{id}")
    String round(@PathVariable long id, Model model) {
        model.addAttribute("page", reviews.page(id));
        model.addAttribute("grades", ReviewGrade.values());
        return "orglife/review";
    }

    @PostMapping("/{id}/grades")
    String grade(@PathVariable long id, @RequestParam MultiValueMap<String, String> fields, RedirectAttributes redirect) {
        flash.attempt(redirect, "review.grades-saved", () -> reviews.grade(id, grades(fields)));
        return "redirect:/admin/reviews/" + id;
    }

    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, "review.submitted", () -> reviews.submit(id));
        return "redirect:/admin/reviews/" + id;
    }

    @PostMapping("/{id}/approve")
    String approve(@PathVariable long id, RedirectAttributes redirect) {
        flash.attempt(redirect, "review.approved", () -> reviews.approve(id));
        return "redirect:/admin/reviews/" + id;
    }

    @PostMapping("/{id}/return")
    String returnRound(@PathVariable long id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        flash.attempt(redirect, "review.returned", () -> reviews.returnRound(id, note));
        return "redirect:/admin/reviews/" + id;
    }

    /** The grades chosen, by member; a field left empty grades nobody. */
    private static Map<Long, ReviewGrade> grades(MultiValueMap<String, String> fields) {
        Map<Long, ReviewGrade> grades = new LinkedHashMap<>();
        fields.forEach((name, values) -> {
            String value = values.isEmpty() ? "" : values.get(0);
            if (name.startsWith(GRADE_FIELD) && !value.isEmpty()) {
                grades.put(personId(name), grade(value));
            }
        });
        return grades;
    }

    private static long personId(String field) {
        try {
            return Long.parseLong(field.substring(GRADE_FIELD.length()));
        } catch (NumberFormatException notAnId) {
            throw RuleViolationException.of("review.not-in-round");
        }
    }

    private static ReviewGrade grade(String value) {
        try {
            return ReviewGrade.valueOf(value);
        } catch (IllegalArgumentException notAGrade) {
            throw RuleViolationException.of("review.grade.invalid");
        }
    }
}
