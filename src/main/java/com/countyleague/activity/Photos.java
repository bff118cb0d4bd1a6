package com.countyleague.activity;

import java.time.Instant;
import java.util.Optional;

import com.countyleague.web.UploadedImage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps photos in the database, its single source of truth (backed up with it): JPEG or PNG of at
 * most 5 MB, checked from the content by {@link UploadedImage}.
 */
@Component
class Photos {

    static final int MAX_BYTES = 5 * 1024 * 1024;

    private final PhotoRepository photos;
    private final JdbcClient jdbc;

    Photos(PhotoRepository photos, JdbcClient jdbc) {
        this.photos = photos;
        this.jdbc = jdbc;
    }

    /** Stores a checked image; refuses anything else with a message for the field {@code photo}. */
    Photo store(long activityId, Photo.Purpose purpose, byte[] bytes, String by, Instant now) {
        UploadedImage image = UploadedImage.check(bytes, MAX_BYTES, "photo");
        Photo photo = photos.saveAndFlush(new Photo(activityId, purpose, image.contentType(), bytes.length, image.width(),
                image.height(), by, now));
        jdbc.sql("insert into photo_content (photo_id, bytes) values (?, ?)").params(photo.getId(), bytes).update();
        return photo;
    }

    Optional<byte[]> bytes(long photoId) {
        return jdbc.sql("select bytes from photo_content where photo_id = ?").param(photoId).query(byte[].class).optional();
    }
}
