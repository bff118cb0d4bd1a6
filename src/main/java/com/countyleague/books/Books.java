package com.countyleague.books;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.Role;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's tamper-evident books: their daily heads published, shown to anyone, and the
 * verification a county admin runs.
 */
@Service
public class Books {

    private static final Logger log = LoggerFactory.getLogger(Books.class);
    /** How far back the public page lists heads; the download has them all. */
    static final int SHOWN_DAYS = 31;

    private final BookAudit audit;
    private final AuditTrail trail;
    private final Actors actors;
    private final Clock clock;

    Books(DataSource dataSource, List<ChainedBook> books, AuditTrail trail, Actors actors, Clock clock) {
        JdbcTemplate db = new JdbcTemplate(dataSource);
        db.setFetchSize(5_000);
        this.audit = new BookAudit(db, books, clock.getZone());
        this.trail = trail;
        this.actors = actors;
        this.clock = clock;
    }

    /** Yesterday's heads (and any day missed), once whatever number of instances run it. */
    @Transactional
    public int publish() {
        int written = audit.publishHeads(LocalDate.now(clock).minusDays(1), clock.instant());
        if (written > 0) {
            log.info("Books: {} daily heads published", written);
        }
        return written;
    }

    /** The heads of the last month, newest first; public. */
    @Transactional(readOnly = true)
    public List<PublishedHead> recent() {
        return audit.published(LocalDate.now(clock).minusDays(SHOWN_DAYS));
    }

    /** Every head ever published, newest first; public, for the copy a county keeps outside. */
    @Transactional(readOnly = true)
    public List<PublishedHead> all() {
        return audit.published(LocalDate.of(2000, 1, 1));
    }

    /** The newest head of each book on or before a day (the monthly report prints them). */
    @Transactional(readOnly = true)
    public List<PublishedHead> asOf(LocalDate day) {
        return audit.published(day.minusDays(SHOWN_DAYS)).stream()
                .filter(h -> !h.day().isAfter(day))
                .collect(Collectors.toMap(PublishedHead::book, Function.identity(), (newer, older) -> newer, TreeMap::new))
                .values().stream().toList();
    }

    /** Walks every chain and head now. County admins only; the audit log keeps who ran it and what it found. */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    public BookAudit.Verification verify() {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        BookAudit.Verification result = audit.verify(List.of(), clock.instant());
        trail.record("VERIFY_BOOKS", "books", result.intact() ? "intact"
                : result.findings().size() + " findings, first " + result.findings().get(0).kind() + " " + result.findings().get(0).where());
        return result;
    }
}
