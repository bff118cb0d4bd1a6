/**
 * Tamper-evident books: the hash chains of the points and service-time entries, the daily head hashes
 * published on /transparency, and the verification that walks the chains and names the first broken link.
 */
package com.countyleague.books;
