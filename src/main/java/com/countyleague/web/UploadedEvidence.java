package com.countyleague.web;

import java.util.Arrays;

/**
 * Evidence sent with a claim (a back-filled presence, a shift confirmed late): a photo, checked as
 * {@link UploadedImage} checks one, or a PDF document by its signature; anything else is refused for
 * the form's {@code field}.
 */
public final class UploadedEvidence {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    private UploadedEvidence() {
    }

    /** The content type of the evidence, once it is found to be one. */
    public static String check(byte[] bytes, int maxBytes, String field) {
        if (bytes == null || bytes.length == 0) {
            throw new RuleViolationException(field, "evidence.required");
        }
        if (bytes.length > maxBytes) {
            throw new RuleViolationException(field, "evidence.too-large", maxBytes / 1024 / 1024);
        }
        if (bytes.length > PDF.length && Arrays.equals(bytes, 0, PDF.length, PDF, 0, PDF.length)) {
            return "application/pdf";
        }
        return UploadedImage.check(bytes, maxBytes, field).contentType();
    }
}
