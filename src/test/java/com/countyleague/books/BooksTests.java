package com.countyleague.books;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.account.Role;
import com.countyleague.ScratchDatabase;
import com.countyleague.books.BookAudit.Finding;
import com.countyleague.books.BookAudit.Kind;
import com.countyleague.books.BookAudit.Verification;
import com.countyleague.points.PointsBook;
import com.countyleague.volunteer.ServiceTimeBook;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each kind of tampering, on a database of its own: five days of points and service time for three
 * persons, heads published for the first four (the fifth is today), then one edit as someone holding
 * the database owner's rights would make it.
 */
@IntegrationTest
class BooksTests {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final List<ChainedBook> BOOKS = List.of(PointsBook.BOOK, ServiceTimeBook.BOOK);
    /** 00:20 on the fifth day, when the fourth day's heads are published */
    private static final Instant NIGHT = LocalDate.of(2026, 11, 5).atTime(0, 20).atZone(ZONE).toInstant();

    private static ScratchDatabase fixture;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    Books books;

    @Autowired
    JdbcClient jdbc;

    private ScratchDatabase db;

    @BeforeAll
    static void writeFiveDays(@Autowired DataSource application) {
        fixture = ScratchDatabase.migrated(application, "books_fixture");
        JdbcTemplate sql = fixture.jdbc();
        sql.update("insert into organization values (1, null, '/1/', 0, 'COUNTY_COMMITTEE', '县', 'BK1', null, null, null, now(), now(), 0)");
        sql.update("""
                insert into person (id, name, gender, birth_date, id_number_cipher, id_number_hash, id_number_masked, ledger, organization_id,
                                    backbone, status, created_at, updated_at, version)
                select p, '成员' || p, 'FEMALE', date '2001-01-01', '\\x00', 'hash' || p, 'masked', 'YOUTH', 1, false, 'ACTIVE', now(), now(), 0
                from generate_series(1, 3) p""");
        sql.update("insert into points_account select p, 0, 0, 'QB' || p, 'code' || p, now(), 0 from generate_series(1, 3) p");
        // one earning a day for each person (ids 1–15, day by day), written by the same trigger the application's inserts pass
        sql.update("""
                insert into points_entry (person_id, kind, amount, balance_after, reason, ref_type, ref_id, rule_id, action_day, organization_id,
                                          idempotency_key, author, created_at)
                select p, 'EARN', 10 * d + p, sum(10 * d + p) over (partition by p order by d), '垃圾分类宣传 |;' || d, 'ACTIVITY', d, null,
                       date '2026-10-31' + d, 1, 'fx:' || p || ':' || d, 'system', (date '2026-10-31' + d + time '12:00') at time zone 'Asia/Shanghai'
                from generate_series(1, 5) d cross join generate_series(1, 3) p
                order by d, p""");
        sql.update("""
                insert into service_time_entry (person_id, seq, kind, minutes, source, ref_id, what, idempotency_key, recorded_at, prev_hash, hash)
                select p, 0, 'CREDIT', 60 + d, 'SHIFT', d * 10 + p, '社区巡逻', 'shift:' || (d * 10 + p), (date '2026-10-31' + d + time '18:00')
                       at time zone 'Asia/Shanghai', '\\x', '\\x'
                from generate_series(1, 5) d cross join generate_series(1, 2) p
                order by d, p""");
        int heads = fixture.inTransaction(db -> audit(db).publishHeads(LocalDate.of(2026, 11, 4), NIGHT));
        assertThat(heads).isEqualTo(8);
    }

    @AfterAll
    static void dropFixture() {
        fixture.close();
    }

    @BeforeEach
    void copy() {
        db = ScratchDatabase.copyOf(fixture, "books_case");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void untouchedBooksVerify() {
        Verification v = verify(List.of());
        assertThat(v.findings()).isEmpty();
        assertThat(v.books()).extracting(BookAudit.BookResult::book, BookAudit.BookResult::entries, BookAudit.BookResult::persons,
                BookAudit.BookResult::heads).containsExactly(
                tuple("points", 15L, 3L, 4),
                tuple("service-time", 10L, 2L, 4));
        assertThat(published()).filteredOn(h -> h.book().equals("points")).extracting(PublishedHead::day, PublishedHead::entries)
                .containsExactly(tuple(LocalDate.of(2026, 11, 4), 12L),
                        tuple(LocalDate.of(2026, 11, 3), 9L),
                        tuple(LocalDate.of(2026, 11, 2), 6L),
                        tuple(LocalDate.of(2026, 11, 1), 3L));
        // publishing again adds nothing
        int again = db.inTransaction(t -> audit(t).publishHeads(LocalDate.of(2026, 11, 4), NIGHT));
        assertThat(again).isZero();
    }

    @Test
    void anEditedAmountIsNamed() {
        bypassingTheGuard("points_entry", "update points_entry set amount = 500, balance_after = 500 where id = 5");
        assertThat(verify(List.of()).findings()).containsExactly(
                new Finding("points", Kind.EDITED, "#5", List.of("2", 2)));
    }

    @Test
    void aDeletedMiddleEntryIsNamed() {
        bypassingTheGuard("points_entry", "delete from points_entry where id = 5");
        assertThat(verify(List.of()).findings()).containsExactlyInAnyOrder(
                new Finding("points", Kind.MISSING, "#8", List.of("2", 2, 2)),
                new Finding("points", Kind.REMOVED_AFTER_HEAD, "2026-11-02", List.of(6L, 5L)));
    }

    @Test
    void theNewestEntriesDeletedAfterAPublishedHeadAreNamed() {
        // every person's last two entries: each chain still looks whole
        bypassingTheGuard("points_entry", "delete from points_entry where id > 9");
        assertThat(verify(List.of()).findings()).containsExactly(
                new Finding("points", Kind.REMOVED_AFTER_HEAD, "2026-11-04", List.of(12L, 9L)));
    }

    @Test
    void anInsertedEntryIsNamed() {
        // a made-up earning dated into a published day: the trigger chains it like any other, yet it came after the head
        db.jdbc().update("""
                insert into points_entry (person_id, kind, amount, balance_after, reason, action_day, organization_id, idempotency_key, author,
                                          created_at)
                values (1, 'EARN', 300, 451, '补录', date '2026-11-02', 1, 'forged', 'system', timestamptz '2026-11-02 15:00+08')""");
        assertThat(verify(List.of()).findings()).containsExactly(
                new Finding("points", Kind.BACKDATED, "#16", List.of("1", 6, LocalDate.of(2026, 11, 2))));
    }

    @Test
    void anEntryInsertedIntoAPublishedRangeIsNamed() {
        // with the triggers off and the unique position dropped, a row under an id the first day's head covers, its hash
        // forged by the published rule
        bypassingTheGuard("points_entry", """
                drop index points_entry_position;
                insert into points_entry (id, person_id, seq, kind, amount, balance_after, reason, action_day, organization_id, idempotency_key,
                                          author, created_at, prev_hash, hash)
                values (0, 1, 1, 'EARN', 500, 500, '补录', date '2026-11-01', 1, 'forged', 'system', timestamptz '2026-11-01 09:00+08',
                        chain_start(), chain_start());
                update points_entry e set hash = sha256(chain_start() || convert_to(points_entry_canonical(e), 'UTF8')) where id = 0""");
        assertThat(verify(List.of()).findings()).containsExactlyInAnyOrder(
                new Finding("points", Kind.OUT_OF_PLACE, "#1", List.of("1", 1, 2)),
                new Finding("points", Kind.ADDED_AFTER_HEAD, "2026-11-01", List.of(3L, 4L)));
    }

    @Test
    void aDroppedTriggerFollowedByAnEditIsNamed() {
        db.jdbc().execute("drop trigger points_entry_append_only on points_entry");
        db.jdbc().update("update points_entry set reason = '改过' where id = 7");
        assertThat(verify(List.of()).findings()).containsExactly(
                new Finding("points", Kind.GUARD_MISSING, "points_entry_append_only", List.of("points_entry")),
                new Finding("points", Kind.EDITED, "#7", List.of("1", 3)));
    }

    @Test
    void aRewrittenHeadDiffersFromTheCopyKeptOutside() {
        List<PublishedHead> kept = published();
        bypassingTheGuard("book_head", "update book_head set head = sha256('rewritten') where book = 'points' and day = date '2026-11-03'");
        List<Finding> findings = verify(kept).findings();
        assertThat(findings).contains(new Finding("points", Kind.NOT_AS_PUBLISHED, "2026-11-03",
                List.of(9L, kept.stream().filter(h -> h.book().equals("points") && h.day().equals(LocalDate.of(2026, 11, 3)))
                        .findFirst().orElseThrow().head())));
        assertThat(findings).extracting(Finding::kind).contains(Kind.CHANGED_AFTER_HEAD);
    }

    @Test
    void editedServiceTimeIsNamed() {
        bypassingTheGuard("service_time_entry", "update service_time_entry set minutes = 600 where id = 3");
        assertThat(verify(List.of()).findings()).containsExactly(
                new Finding("service-time", Kind.EDITED, "#3", List.of("1", 2)));
    }

    @Test
    void theCommandLineSaysWhetherTheBooksAreIntact(@TempDir Path dir) throws Exception {
        Path heads = dir.resolve("book-heads.csv");
        StringBuilder csv = new StringBuilder("book,day,entries,head\n");
        published().forEach(h -> csv.append(h.book()).append(',').append(h.day()).append(',').append(h.entries()).append(',')
                .append(h.head()).append('\n'));
        Files.writeString(heads, csv);
        String[] args = {"--url=" + db.url(), "--user=" + db.user(), "--password=" + db.password(), "--heads=" + heads};
        assertThat(BooksCommand.run(args, BOOKS)).isZero();
        bypassingTheGuard("points_entry", "update points_entry set amount = 12 where id = 1");
        assertThat(BooksCommand.run(args, BOOKS)).isEqualTo(1);
        assertThat(BooksCommand.run(new String[] {"--url=jdbc:postgresql://127.0.0.1:1/none"}, BOOKS)).isEqualTo(2);
    }

    @Test
    void anyoneSeesThePublishedHeadsAndTheCountyAdminVerifies() throws Exception {
        books.publish();
        String page = mvc.perform(get("/transparency")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"heads\"", "积分账本");
        String csv = mvc.perform(get("/transparency.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv")).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("book,day,entries,head\n");
        assertThat(csv.lines().skip(1)).allMatch(line -> line.matches("(points|service-time),\\d{4}-\\d{2}-\\d{2},\\d+,[0-9a-f]{64}"));
        String result = mvc.perform(post("/admin/books/verify").with(fixtures.signedIn("admin")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // other tests move the clock back and forth while writing, so the shared database need not be intact: the page says which
        assertThat(result).contains("id=\"verification\"", "id=\"book-results\"");
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("账本校验支部").id());
        mvc.perform(post("/admin/books/verify").with(fixtures.signedIn(secretary)).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'VERIFY_BOOKS' and operator = 'admin'").query(Long.class).single())
                .isPositive();
    }

    private void bypassingTheGuard(String table, String change) {
        db.jdbc().execute("begin; alter table " + table + " disable trigger user; " + change + "; alter table " + table
                + " enable trigger user; commit");
    }

    private Verification verify(List<PublishedHead> outside) {
        return db.inTransaction(t -> audit(t).verify(outside, NIGHT));
    }

    private List<PublishedHead> published() {
        return db.inTransaction(t -> audit(t).published(LocalDate.of(2026, 1, 1)));
    }

    private static BookAudit audit(JdbcTemplate db) {
        return new BookAudit(db, BOOKS, ZONE);
    }
}
