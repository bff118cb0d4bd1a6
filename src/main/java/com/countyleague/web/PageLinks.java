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
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("page", Math.max(page, 0))
                .replaceQueryParam("size", size)
                .build()
                .toUriString();
    }
}
