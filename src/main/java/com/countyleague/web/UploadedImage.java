package com.countyleague.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An uploaded picture, judged by its content and never by its name or declared type: JPEG or PNG by
 * their signatures, dimensions read from the header by the decoder, within a size in bytes and 50
 * megapixels. Anything else is refused with a message for the form's {@code field}.
 */
public record UploadedImage(String contentType, int width, int height, byte[] bytes) {

    private static final long MAX_PIXELS = 50_000_000L;
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    public static UploadedImage check(byte[] bytes, int maxBytes, String field) {
        if (bytes == null || bytes.length == 0) {
            throw new RuleViolationException(field, "photo.empty");
        }
        if (bytes.length > maxBytes) {
            throw new RuleViolationException(field, "photo.too-large", maxBytes / 1024 / 1024);
        }
        String format = startsWith(bytes, JPEG) ? "jpeg" : startsWith(bytes, PNG) ? "png" : null;
        if (format == null) {
            throw new RuleViolationException(field, "photo.not-image");
        }
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IllegalStateException("No " + format + " reader in this Java runtime");
        }
        ImageReader reader = readers.next();
        int width;
        int height;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            width = reader.getWidth(0);
            height = reader.getHeight(0);
        } catch (IOException | RuntimeException broken) {
            // decoders signal a damaged header with all sorts of runtime exceptions
            throw new RuleViolationException(field, "photo.not-image");
        } finally {
            reader.dispose();
        }
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new RuleViolationException(field, "photo.not-image");
        }
        return new UploadedImage("image/" + format, width, height, bytes);
    }

    private static boolean startsWith(byte[] bytes, byte[] signature) {
        return bytes.length >= signature.length && Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
    }
}
