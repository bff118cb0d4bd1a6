package com.countyleague.council;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.countyleague.member.Notifications;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;
import com.countyleague.web.UploadedImage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What goes with every step of an issue: its history line, the word to its reporter (whoever they
 * are, anonymous or not: only this class reads who an anonymous reporter is), and its photos.
 */
@Component
class IssueRecords {

    static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;
    static final int MAX_PHOTOS = 6;

    private final JdbcClient jdbc;
    private final AnonymousReporterRepository anonymous;
    private final Notifications notifications;
    private final Clock clock;

    IssueRecords(JdbcClient jdbc, AnonymousReporterRepository anonymous, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.anonymous = anonymous;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Writes the step into the history and tells the reporter, if a member reported it. */
    void step(ResidentIssue issue, String action, String actor, String note) {
        jdbc.sql("insert into resident_issue_event (issue_id, at, action, status, actor, note) values (?, ?, ?, ?, ?, ?)")
                .params(issue.getId(), Timestamp.from(clock.instant()), action, issue.getStatus().name(), actor, note).update();
        reporterOf(issue).ifPresent(person -> notifications.tell(person, "issue.notice." + action, "/me/issues/" + issue.getId(),
                issue.getTitle()));
    }

    /** The member who reported it, named or anonymous; empty when staff raised it. */
    Optional<Long> reporterOf(ResidentIssue issue) {
        if (issue.isAnonymous()) {
            return anonymous.findById(issue.getId()).map(AnonymousReporter::getPersonId);
        }
        return Optional.ofNullable(issue.getReporterPersonId());
    }

    void keepApart(ResidentIssue issue, long personId) {
        anonymous.save(new AnonymousReporter(issue.getId(), personId));
    }

    List<ResidentIssue.Event> history(long issueId) {
        return jdbc.sql("select at, action, status, actor, note from resident_issue_event where issue_id = ? order by id")
                .param(issueId)
                .query((rs, n) -> new ResidentIssue.Event(rs.getTimestamp(1).toInstant(), rs.getString(2),
                        ResidentIssue.Status.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5))).list();
    }

    long addPhoto(long issueId, byte[] bytes) {
        UploadedImage image = UploadedImage.check(bytes, MAX_PHOTO_BYTES, "photo");
        long count = jdbc.sql("select count(*) from resident_issue_photo where issue_id = ?").param(issueId).query(Long.class).single();
        if (count >= MAX_PHOTOS) {
            throw new RuleViolationException("photo", "issue.photo.too-many", MAX_PHOTOS);
        }
        return jdbc.sql("insert into resident_issue_photo (issue_id, content_type, bytes, created_at) values (?, ?, ?, ?) returning id")
                .params(issueId, image.contentType(), image.bytes(), Timestamp.from(clock.instant())).query(Long.class).single();
    }

    List<Long> photoIds(long issueId) {
        return jdbc.sql("select id from resident_issue_photo where issue_id = ? order by id").param(issueId).query(Long.class).list();
    }

    ResidentIssue.PhotoFile photo(long issueId, long photoId) {
        return jdbc.sql("select content_type, bytes from resident_issue_photo where id = ? and issue_id = ?").params(photoId, issueId)
                .query((rs, n) -> new ResidentIssue.PhotoFile(rs.getString(1), rs.getBytes(2))).optional()
                .orElseThrow(() -> new NotFoundException("photo", photoId));
    }
}
