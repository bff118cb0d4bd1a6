package com.countyleague.web;

/**
 * A record that does not exist, or that the caller may not know exists: answered with 404.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
