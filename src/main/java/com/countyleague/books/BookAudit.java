package com.countyleague.books;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The arithmetic of the books, on any connection: publishing the daily heads and verifying chains and
 * heads. It computes the canonical form itself rather than asking the database, so a verification does
 * not trust the functions it checks. Run it inside a transaction: the entries are read with a cursor.
 */
public final class BookAudit {

    static final byte[] START = new byte[32];
    private static final HexFormat HEX = HexFormat.of();

    public enum Kind {
        /** an entry's content no longer matches its hash */
        EDITED,
        /** positions of a person's chain are missing: entries were deleted */
        MISSING,
        /** an entry sits where its chain does not place it: inserted or reordered */
        OUT_OF_PLACE,
        /** an entry written after a day's head is dated into that day: inserted afterwards */
        BACKDATED,
        /** an entry does not follow the one before it */
        BROKEN_LINK,
        /** a published day now covers fewer entries than it did */
        REMOVED_AFTER_HEAD,
        /** a published day now covers more entries than it did */
        ADDED_AFTER_HEAD,
        /** a published day covers as many entries as it did, but not the same */
        CHANGED_AFTER_HEAD,
        /** a head differs from the copy held outside, or is gone */
        NOT_AS_PUBLISHED,
        /** a trigger guarding a book was dropped */
        GUARD_MISSING,
        /** a trigger guarding a book was disabled */
        GUARD_DISABLED
    }

    /** What is wrong and where: {@code where} names the entry, day or trigger; the arguments fill the message. */
    public record Finding(String book, Kind kind, String where, List<Object> details) {
        /** The message's arguments: where, then the details. */
        public Object[] args() {
            List<Object> args = new ArrayList<>(details.size() + 1);
            args.add(where);
            args.addAll(details);
            return args.toArray();
        }
    }

    public record BookResult(String book, long entries, long persons, int heads, boolean intact) {
    }

    public record Verification(Instant at, Duration took, List<BookResult> books, List<Finding> findings) {
        public boolean intact() {
            return findings.isEmpty();
        }
    }

    private record Head(LocalDate day, long lastId, long entries, byte[] head) {
    }

    private record Link(int seq, byte[] hash) {
    }

    private final JdbcTemplate db;
    private final List<ChainedBook> books;
    private final ZoneId zone;

    public BookAudit(JdbcTemplate db, List<ChainedBook> books, ZoneId zone) {
        this.db = db;
        this.books = books;
        this.zone = zone;
    }

    /** Heads for every day not yet published, through the given day; returns how many were written. */
    public int publishHeads(LocalDate through, Instant now) {
        db.queryForObject("select count(*) from pg_advisory_xact_lock(hashtext('book_head'))", Long.class);
        int written = 0;
        for (ChainedBook book : books) {
            List<Head> last = heads(book, " order by day desc limit 1");
            LocalDate day;
            byte[] previous;
            long lastId;
            long entries;
            if (last.isEmpty()) {
                Timestamp first = db.queryForObject("select min(" + book.timeColumn() + ") from " + book.table(), Timestamp.class);
                if (first == null) {
                    continue;
                }
                day = first.toInstant().atZone(zone).toLocalDate();
                previous = START;
                lastId = 0;
                entries = 0;
            } else {
                day = last.get(0).day().plusDays(1);
                previous = last.get(0).head();
                lastId = last.get(0).lastId();
                entries = last.get(0).entries();
            }
            for (; !day.isAfter(through); day = day.plusDays(1)) {
                Long newest = db.queryForObject("select max(id) from " + book.table() + " where " + book.timeColumn() + " < ?",
                        Long.class, Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()));
                long upTo = Math.max(lastId, newest == null ? 0 : newest);
                List<byte[]> hashes = db.queryForList("select hash from " + book.table() + " where id > ? and id <= ? order by id",
                        byte[].class, lastId, upTo);
                entries += hashes.size();
                MessageDigest digest = headDigest(previous, day, upTo, entries);
                hashes.forEach(digest::update);
                previous = digest.digest();
                lastId = upTo;
                written += db.update("insert into book_head (book, day, last_id, entries, head, computed_at) values (?, ?, ?, ?, ?, ?)",
                        book.name(), day, upTo, entries, previous, Timestamp.from(now));
            }
        }
        return written;
    }

    /**
     * Walks every book entry by entry (one pass in id order), recomputing each hash and link and each
     * published head; also checks the guards. Names the first broken link of each book; {@code outside}
     * are heads kept outside the system, compared with those stored.
     */
    public Verification verify(List<PublishedHead> outside, Instant now) {
        long started = System.nanoTime();
        List<Finding> findings = new ArrayList<>(guards());
        List<BookResult> results = new ArrayList<>();
        for (ChainedBook book : books) {
            List<Head> heads = heads(book, " order by day");
            Walk walk = new Walk(book, heads);
            db.query("select id, person_id, seq, prev_hash, hash, " + book.timeColumn() + ", " + String.join(", ", book.fields())
                    + " from " + book.table() + " order by id", walk::entry);
            walk.finishHeads();
            findings.addAll(walk.findings);
            findings.addAll(compare(book, heads, outside));
            results.add(new BookResult(book.name(), walk.entries, walk.links.size(), heads.size(),
                    walk.findings.isEmpty() && findings.stream().noneMatch(f -> f.book().equals(book.name()))));
        }
        return new Verification(now, Duration.ofNanos(System.nanoTime() - started), results, findings);
    }

    /** One pass over a book: the chain of each person and the heads, side by side. */
    private final class Walk {

        private final ChainedBook book;
        private final List<Head> heads;
        /** entries after the last head are dated after its day (the heads are computed twenty minutes after midnight) */
        private final Instant publishedUntil;
        private final Map<Long, Link> links = new HashMap<>();
        private final List<Finding> findings = new ArrayList<>();
        private Finding chainBreak;
        private Finding headBreak;
        private int[] types;
        private long entries;
        private int head;
        private MessageDigest dayDigest;

        Walk(ChainedBook book, List<Head> heads) {
            this.book = book;
            this.heads = heads;
            this.publishedUntil = heads.isEmpty() ? Instant.MIN
                    : heads.get(heads.size() - 1).day().plusDays(1).atStartOfDay(zone).toInstant();
            startHead();
        }

        void entry(ResultSet rs) throws SQLException {
            if (types == null) {
                ResultSetMetaData meta = rs.getMetaData();
                types = new int[meta.getColumnCount() + 1];
                for (int i = 1; i < types.length; i++) {
                    types[i] = meta.getColumnType(i);
                }
            }
            long id = rs.getLong(1);
            long person = rs.getLong(2);
            int seq = rs.getInt(3);
            byte[] previous = rs.getBytes(4);
            byte[] hash = rs.getBytes(5);
            Instant at = rs.getObject(6, OffsetDateTime.class).toInstant();
            while (head < heads.size() && id > heads.get(head).lastId()) {
                finishHead();
            }
            entries++;
            if (dayDigest != null) {
                dayDigest.update(hash);
            }
            if (chainBreak == null) {
                chainBreak = link(id, person, seq, previous, hash, at, canonical(rs));
                if (chainBreak != null) {
                    findings.add(chainBreak);
                }
            }
            links.put(person, new Link(seq, hash));
        }

        private Finding link(long id, long person, int seq, byte[] previous, byte[] hash, Instant at, String canonical) {
            Link last = links.get(person);
            int expected = last == null ? 1 : last.seq() + 1;
            String where = "#" + id;
            if (seq > expected) {
                return new Finding(book.name(), Kind.MISSING, where, List.of(String.valueOf(person), expected, seq - 1));
            }
            if (seq < expected) {
                return new Finding(book.name(), Kind.OUT_OF_PLACE, where, List.of(String.valueOf(person), seq, expected));
            }
            if (!Arrays.equals(previous, last == null ? START : last.hash())) {
                return new Finding(book.name(), Kind.BROKEN_LINK, where, List.of(String.valueOf(person), seq));
            }
            if (!Arrays.equals(hash, sha256(previous, canonical))) {
                return new Finding(book.name(), Kind.EDITED, where, List.of(String.valueOf(person), seq));
            }
            if (head >= heads.size() && at.isBefore(publishedUntil)) {
                return new Finding(book.name(), Kind.BACKDATED, where, List.of(String.valueOf(person), seq, at.atZone(zone).toLocalDate()));
            }
            return null;
        }

        private String canonical(ResultSet rs) throws SQLException {
            StringBuilder text = new StringBuilder(200);
            for (int i = 7; i < types.length; i++) {
                String value = switch (types[i]) {
                    case Types.DATE -> {
                        LocalDate day = rs.getObject(i, LocalDate.class);
                        yield day == null ? null : day.toString();
                    }
                    case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                        OffsetDateTime at = rs.getObject(i, OffsetDateTime.class);
                        yield at == null ? null : Long.toString(micros(at.toInstant()));
                    }
                    default -> rs.getString(i);
                };
                field(text, value);
            }
            return text.toString();
        }

        void finishHeads() {
            while (head < heads.size()) {
                finishHead();
            }
        }

        private void finishHead() {
            Head published = heads.get(head);
            byte[] computed = dayDigest.digest();
            if (headBreak == null) {
                String day = published.day().toString();
                if (entries < published.entries()) {
                    headBreak = new Finding(book.name(), Kind.REMOVED_AFTER_HEAD, day, List.of(published.entries(), entries));
                } else if (entries > published.entries()) {
                    headBreak = new Finding(book.name(), Kind.ADDED_AFTER_HEAD, day, List.of(published.entries(), entries));
                } else if (!Arrays.equals(computed, published.head())) {
                    headBreak = new Finding(book.name(), Kind.CHANGED_AFTER_HEAD, day, List.of(published.entries()));
                }
                if (headBreak != null) {
                    findings.add(headBreak);
                }
            }
            head++;
            startHead();
        }

        private void startHead() {
            if (head < heads.size()) {
                Head h = heads.get(head);
                dayDigest = headDigest(head == 0 ? START : heads.get(head - 1).head(), h.day(), h.lastId(), h.entries());
            } else {
                dayDigest = null;
            }
        }
    }

    private List<Finding> compare(ChainedBook book, List<Head> stored, List<PublishedHead> outside) {
        Map<LocalDate, Head> byDay = new HashMap<>();
        stored.forEach(h -> byDay.put(h.day(), h));
        return outside.stream()
                .filter(o -> o.book().equals(book.name()))
                .filter(o -> {
                    Head h = byDay.get(o.day());
                    return h == null || h.entries() != o.entries() || !HEX.formatHex(h.head()).equalsIgnoreCase(o.head());
                })
                .limit(1)
                .map(o -> new Finding(book.name(), Kind.NOT_AS_PUBLISHED, o.day().toString(), List.of(o.entries(), o.head())))
                .toList();
    }

    /** The triggers that chain the books and keep them and their heads append-only. */
    private List<Finding> guards() {
        List<Finding> findings = new ArrayList<>();
        List<ChainedBook> guarded = new ArrayList<>(books);
        guarded.add(new ChainedBook("heads", "book_head", null, List.of(), List.of("book_head_append_only", "book_head_no_truncate")));
        for (ChainedBook book : guarded) {
            Map<String, String> present = new HashMap<>();
            db.query("select tgname, tgenabled from pg_trigger where tgrelid = ?::regclass and not tgisinternal",
                    rs -> {
                        present.put(rs.getString(1), rs.getString(2));
                    }, book.table());
            for (String trigger : book.guards()) {
                String state = present.get(trigger);
                if (state == null) {
                    findings.add(new Finding(book.name(), Kind.GUARD_MISSING, trigger, List.of(book.table())));
                } else if ("D".equals(state)) {
                    findings.add(new Finding(book.name(), Kind.GUARD_DISABLED, trigger, List.of(book.table())));
                }
            }
        }
        return findings;
    }

    private List<Head> heads(ChainedBook book, String order) {
        return db.query("select day, last_id, entries, head from book_head where book = ?" + order,
                (rs, n) -> new Head(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getBytes(4)), book.name());
    }

    /** The heads as published: what /transparency shows and a county keeps a copy of. */
    public List<PublishedHead> published(LocalDate from) {
        return db.query("select book, day, entries, head from book_head where day >= ? order by day desc, book",
                (rs, n) -> new PublishedHead(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3), HEX.formatHex(rs.getBytes(4))),
                from);
    }

    static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append("-;");
        } else {
            text.append(value.codePointCount(0, value.length())).append(':').append(value).append(';');
        }
    }

    static long micros(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    }

    static byte[] sha256(byte[] previous, String canonical) {
        MessageDigest digest = digest();
        digest.update(previous);
        digest.update(canonical.getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    private static MessageDigest headDigest(byte[] previous, LocalDate day, long lastId, long entries) {
        MessageDigest digest = digest();
        digest.update(previous);
        digest.update((day + "|" + lastId + "|" + entries + "|").getBytes(StandardCharsets.UTF_8));
        return digest;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
