package com.countyleague.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sends each user to their own home: staff to their work pages, members to their phone home. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        boolean member = authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_MEMBER".equals(a.getAuthority()));
        return member ? "redirect:/me/home" : "redirect:/admin/";
    }
}
