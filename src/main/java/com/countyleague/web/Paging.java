package com.countyleague.web;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Server-side pages of 10, 20, 50 or 100 rows, as every list offers them. */
public final class Paging {

    private Paging() {
    }

    public static PageRequest of(int page, int size, Sort sort) {
        int rows = size <= 10 ? 10 : size <= 20 ? 20 : size <= 50 ? 50 : 100;
        return PageRequest.of(Math.max(page, 0), rows, sort);
    }
}
