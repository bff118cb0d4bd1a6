package com.countyleague.books;

import java.time.LocalDate;

/** A book's head hash of a day, as published: the number of entries it covers and the hash in hex. */
public record PublishedHead(String book, LocalDate day, long entries, String head) {
}
