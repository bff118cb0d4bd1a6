package com.countyleague.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The installable web app: its manifest and the service worker that keeps the check-in pages and
 * their assets for use without signal. The worker is served from the root so that it may look after
 * every page (a worker's reach is the folder it is served from); never cached, so a new one is found.
 */
@Controller
class OfflineAppController {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final MediaType MANIFEST = new MediaType("application", "manifest+json", StandardCharsets.UTF_8);

    @GetMapping("/sw.js")
    ResponseEntity<String> serviceWorker() throws IOException {
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache()).body(read("static/js/sw.js"));
    }

    @GetMapping("/manifest.webmanifest")
    ResponseEntity<String> manifest() throws IOException {
        return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.noCache()).body(read("static/manifest.webmanifest"));
    }

    private static String read(String path) throws IOException {
        return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    }
}
