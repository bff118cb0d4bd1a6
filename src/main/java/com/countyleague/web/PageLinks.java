package com.countyleague.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Links to another page of the current list that keep its filter: {@code ${@pageLinks.to(2, 20)}}. */
@Component("pageLinks")
public class PageLinks {

    public String to(int page, int size) {
        HttpServletRequest request = request();
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("page", Math.max(page, 0))
                .replaceQueryParam("size", size)
                .build()
                .toUriString();
    }

    /** Another address with the current filter, e.g. the export of the list being looked at. */
    public String sameFilterAt(String path) {
        HttpServletRequest request = request();
        return UriComponentsBuilder.fromPath(request.getContextPath() + path)
                .query(request.getQueryString())
                .replaceQueryParam("page")
                .replaceQueryParam("size")
                .build()
                .toUriString();
    }

    private static HttpServletRequest request() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }
}
