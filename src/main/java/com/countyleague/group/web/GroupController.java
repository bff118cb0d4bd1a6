package com.countyleague.group.web;

import java.util.Arrays;
import java.util.List;

import com.countyleague.group.CommitteeSeat;
import com.countyleague.group.GroupRole;
import com.countyleague.group.Groups;
import com.countyleague.web.Flash;
import com.countyleague.web.Paging;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Running a group, on a phone as well as a desk: its members, requests, waiting list and inactive
 * members, and its core team. For whoever holds a core role in it, and staff reaching its host.
 */
@Controller
@RequestMapping("/groups/{id}")
class GroupController {

    private final Groups groups;
    private final Flash flash;

    GroupController(Groups groups, Flash flash) {
        this.groups = groups;
        this.flash = flash;
    }

    @GetMapping
    String page(@PathVariable long id, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                Model model) {
        model.addAttribute("view", groups.page(id, Paging.of(page, size, Sort.unsorted())));
        model.addAttribute("roles", GroupRole.values());
        model.addAttribute("seats", CommitteeSeat.values());
        return "group/manage";
    }

    @GetMapping("/members/{personId}/growth")
    String growth(@PathVariable long id, @PathVariable long personId, Model model) {
        model.addAttribute("record", groups.growth(id, personId));
        return "group/growth";
    }

    @PostMapping("/memberships/{membership}/accept")
    String accept(@PathVariable long id, @PathVariable long membership, RedirectAttributes redirect) {
        return act(id, redirect, "group.accepted", () -> groups.accept(membership));
    }

    @PostMapping("/memberships/{membership}/reject")
    String reject(@PathVariable long id, @PathVariable long membership, RedirectAttributes redirect) {
        return act(id, redirect, "group.rejected", () -> groups.reject(membership));
    }

    @PostMapping("/memberships/{membership}/appoint")
    String appoint(@PathVariable long id, @PathVariable long membership, @RequestParam(required = false) GroupRole role,
                   RedirectAttributes redirect) {
        return act(id, redirect, "group.appointed", () -> {
            if (role == null) {
                groups.dismiss(membership);
            } else {
                groups.appoint(membership, role);
            }
        });
    }

    /** A 青春业委会 member's seat on it (none to clear it). */
    @PostMapping("/memberships/{membership}/seat")
    String seat(@PathVariable long id, @PathVariable long membership, @RequestParam(required = false) CommitteeSeat seat,
                RedirectAttributes redirect) {
        return act(id, redirect, "group.seated", () -> groups.seat(membership, seat));
    }

    /** Removal after review: the leader ticks members (the inactive list) and confirms. */
    @PostMapping("/remove")
    String remove(@PathVariable long id, @RequestParam(name = "ids", required = false) Long[] ids, RedirectAttributes redirect) {
        List<Long> chosen = ids == null ? List.of() : Arrays.asList(ids);
        return act(id, redirect, "group.removed", () -> groups.remove(id, chosen));
    }

    private String act(long id, RedirectAttributes redirect, String success, Runnable action) {
        flash.attempt(redirect, success, action);
        return "redirect:/groups/" + id;
    }
}
