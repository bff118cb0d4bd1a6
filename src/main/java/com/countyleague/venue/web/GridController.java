package com.countyleague.venue.web;

import com.countyleague.member.GridRole;
import com.countyleague.org.Organizations;
import com.countyleague.venue.Grids;
import com.countyleague.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Grids: the list, a new grid, and a grid's page with its compounds, role holders and teams. */
@Controller
@RequestMapping("/admin/grids")
class GridController {

    private final Grids grids;
    private final Organizations organizations;
    private final Flash flash;

    GridController(Grids grids, Organizations organizations, Flash flash) {
        this.grids = grids;
        this.organizations = organizations;
        this.flash = flash;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("grids", grids.inReach());
        model.addAttribute("units", organizations.inReach());
        return "venue/grids";
    }

    @PostMapping
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) Long organizationId,
                  RedirectAttributes redirect) {
        flash.attempt(redirect, "grid.created", () -> grids.create(name, organizationId));
        return "redirect:/admin/grids";
    }

    @GetMapping("/{id}")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("grid", grids.page(id));
        model.addAttribute("roles", GridRole.values());
        return "venue/grid";
    }

    @PostMapping("/{id}/compounds")
    String assign(@PathVariable long id, @RequestParam(required = false) Long compoundId, RedirectAttributes redirect) {
        flash.attempt(redirect, "grid.compound.added", () -> grids.assign(id, compoundId));
        return "redirect:/admin/grids/" + id;
    }

    @PostMapping("/{id}/roles")
    String bind(@PathVariable long id, @RequestParam(required = false) Long personId, @RequestParam(required = false) GridRole role,
                RedirectAttributes redirect) {
        flash.attempt(redirect, "grid.role.bound", () -> grids.bind(id, personId, role));
        return "redirect:/admin/grids/" + id;
    }

    @PostMapping("/{id}/teams")
    String reportIn(@PathVariable long id, @RequestParam(required = false) Long groupId, RedirectAttributes redirect) {
        flash.attempt(redirect, "grid.team.reported", () -> grids.reportIn(id, groupId));
        return "redirect:/admin/grids/" + id;
    }
}
