package com.countyleague.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each user to their own home: staff to the admin pages, members to their phone pages. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        boolean member = authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_MEMBER".equals(a.getAuthority()));
        return member ? "redirect:/me/" : "redirect:/admin/";
    }

    @GetMapping("/admin/")
    String adminHome() {
        return "web/admin-home";
    }
}
