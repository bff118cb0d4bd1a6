package com.countyleague.member.web;

import com.countyleague.member.DataKeys;
import com.countyleague.web.AdminChange;
import com.countyleague.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The identity-number keys and their rotation, for the county admin. */
@Controller
class DataKeyController {

    private final DataKeys keys;
    private final Flash flash;

    DataKeyController(DataKeys keys, Flash flash) {
        this.keys = keys;
        this.flash = flash;
    }

    @GetMapping("/admin/keys")
    String keys(Model model) {
        model.addAttribute("keys", keys.keys());
        return "member/keys";
    }

    @AdminChange
    @PostMapping("/admin/keys/rotate")
    String rotate(RedirectAttributes redirect) {
        int id = keys.rotate();
        keys.resealInBackground();
        flash.success(redirect, "keys.rotated", id);
        return "redirect:/admin/keys";
    }
}
