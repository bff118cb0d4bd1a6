package com.countyleague.books.web;

import java.nio.charset.StandardCharsets;

import com.countyleague.books.Books;
import com.countyleague.books.PublishedHead;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The published heads for anyone (公示), and the verification for the county admin. */
@Controller
class TransparencyController {

    private final Books books;

    TransparencyController(Books books) {
        this.books = books;
    }

    @GetMapping("/transparency")
    String transparency(Model model) {
        model.addAttribute("heads", books.recent());
        return "books/transparency";
    }

    /** Every head, for the copy kept outside the system; {@code verify-books --heads} compares with it. */
    @GetMapping("/transparency.csv")
    ResponseEntity<String> headsCsv() {
        StringBuilder csv = new StringBuilder("book,day,entries,head\n");
        for (PublishedHead h : books.all()) {
            csv.append(h.book()).append(',').append(h.day()).append(',').append(h.entries()).append(',').append(h.head()).append('\n');
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"book-heads.csv\"")
                .body(csv.toString());
    }

    @GetMapping("/admin/books")
    String admin(Model model) {
        model.addAttribute("heads", books.recent());
        return "books/admin";
    }

    /** Renders the result rather than redirecting: it changes nothing but the audit log. */
    @PostMapping("/admin/books/verify")
    String verify(Model model) {
        model.addAttribute("verification", books.verify());
        model.addAttribute("heads", books.recent());
        return "books/admin";
    }
}
