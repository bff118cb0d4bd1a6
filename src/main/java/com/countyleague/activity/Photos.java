package com.countyleague.activity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps photos in the database, its single source of truth (backed up with it). What is stored is
 * checked from its content, never from its name or declared type: JPEG or PNG by their signatures,
 * dimensions read from the header by the decoder, at most 5 MB and 50 megapixels.
 */
@Component
class Photos {

    static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final long MAX_PIXELS = 50_000_000L;
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final PhotoRepository photos;
    private final JdbcClient jdbc;

    Photos(PhotoRepository photos, JdbcClient jdbc) {
        this.photos = photos;
        this.jdbc = jdbc;
    }

    /** Stores a checked image; refuses anything else with a message for the field {@code photo}. */
    Photo store(long activityId, Photo.Purpose purpose, byte[] bytes, String by, Instant now) {
        if (bytes == null || bytes.length == 0) {
            throw new RuleViolationException("photo", "photo.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new RuleViolationException("photo", "photo.too-large", MAX_BYTES / 1024 / 1024);
        }
        String type = startsWith(bytes, JPEG) ? "image/jpeg" : startsWith(bytes, PNG) ? "image/png" : null;
        if (type == null) {
            throw new RuleViolationException("photo", "photo.not-image");
        }
        int[] size = dimensions(bytes, type.substring("image/".length()));
        Photo photo = photos.saveAndFlush(new Photo(activityId, purpose, type, bytes.length, size[0], size[1], by, now));
        jdbc.sql("insert into photo_content (photo_id, bytes) values (?, ?)").params(photo.getId(), bytes).update();
        return photo;
    }

    Optional<byte[]> bytes(long photoId) {
        return jdbc.sql("select bytes from photo_content where photo_id = ?").param(photoId).query(byte[].class).optional();
    }

    private static int[] dimensions(byte[] bytes, String format) {
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
            throw new RuleViolationException("photo", "photo.not-image");
        } finally {
            reader.dispose();
        }
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
            throw new RuleViolationException("photo", "photo.not-image");
        }
        return new int[] {width, height};
    }

    private static boolean startsWith(byte[] bytes, byte[] signature) {
        return bytes.length >= signature.length && Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length);
    }
}
