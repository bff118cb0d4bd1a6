package com.countyleague.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute links for QR codes, which phones open from outside the page: the configured
 * {@code league.public-url} (what a certificate's reader or a member's phone can reach), else the
 * address the current request came to.
 */
@Component
public class PublicUrls {

    private final String base;

    PublicUrls(@Value("${league.public-url:}") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String of(String path) {
        return (base.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : base) + path;
    }
}
