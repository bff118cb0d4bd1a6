package com.countyleague.member.web;

import com.countyleague.member.People;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The youth of one building, both ledgers, with how to reach them: the building group leader's list (由团小组长负责联系本楼栋青年). */
@Controller
class BuildingController {

    private final People people;

    BuildingController(People people) {
        this.people = people;
    }

    @GetMapping("/admin/buildings/{id}/people")
    String building(@PathVariable long id, Model model) {
        model.addAttribute("view", people.building(id));
        return "member/building";
    }

    /** A group leader's own building, from the navigation. */
    @GetMapping("/admin/my-building")
    String myBuilding() {
        return people.myBuilding().map(id -> "redirect:/admin/buildings/" + id + "/people").orElse("member/no-building");
    }
}
