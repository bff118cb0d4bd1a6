package com.countyleague.account.web;

import com.countyleague.account.SignInCaptcha;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, with its captcha after repeated failures; the form posts to Spring Security at {@code /login}. */
@Controller
class SignInController {

    private final SignInCaptcha captcha;

    SignInController(SignInCaptcha captcha) {
        this.captcha = captcha;
    }

    @GetMapping("/login")
    String signIn(Authentication authentication, HttpServletRequest request, Model model) {
        boolean signedIn = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        if (signedIn) {
            return "redirect:/";
        }
        model.addAttribute("captcha", captcha.requiredFor(request));
        return "account/login";
    }

    /** A new picture each time it is fetched; only the latest one's answer counts. */
    @GetMapping("/login/captcha")
    ResponseEntity<byte[]> picture(HttpServletRequest request) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(captcha.newPicture(request.getSession()));
    }
}
