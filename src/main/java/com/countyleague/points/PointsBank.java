package com.countyleague.points;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.countyleague.account.Actor;
import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.account.Role;
import com.countyleague.activity.Activity;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.member.Person;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points ledger: what members earn by action (paid once per check-in, service and kept shift,
 * within the rules' caps), what staff adjust (with a reason, audited), what expires where the county
 * lets points expire; each person's balance, tier and history; the consistency check and the report.
 * Redemptions are {@link Rewards}; both move points only through the {@link PointsLedger}.
 */
@Service
public class PointsBank {

    /** How far ahead a member is told of points about to expire. */
    static final int EXPIRY_NOTICE_DAYS = 30;

    /** A person's points as their pages show them; {@code person} is named for staff only, members know who they are. */
    public record Overview(PersonCard person, int balance, int earnedTotal, String cardNumber, EarningRules.Standing standing,
                           int expiringSoon, Page<HistoryLine> history, boolean mayAdjust) {
    }

    /** An account whose balance or total earned does not equal the sum of its entries. */
    public record Mismatch(long personId, int balance, long entriesSum, int earnedTotal, long earnedSum) {
    }

    /** Points issued, redeemed and expired in the report's period, and outstanding at its end, for a month or a unit. */
    public record ReportRow(String label, long issued, long redeemed, long expired, long outstanding) {
    }

    public record Report(List<ReportRow> months, List<ReportRow> organizations) {
    }

    /** What the youth card's public page shows: never the balance. */
    public record CardView(String cardNumber, String maskedName, String tierName, boolean valid) {
    }

    /** One earning to pay, described by what it is for. */
    record Earning(long personId, PointsRule.Source source, Activity.Type type, LocalDate day, int attendances, int minutes,
                   PointsEntry.Ref ref, long refId, String reason, String key) {
    }

    private final PointsLedger ledger;
    private final PointsAccountRepository accounts;
    private final PointsEntryRepository entries;
    private final PointsSettingRepository settings;
    private final EarningRules rules;
    private final People people;
    private final UnitLookup units;
    private final Actors actors;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    PointsBank(PointsLedger ledger, PointsAccountRepository accounts, PointsEntryRepository entries, PointsSettingRepository settings,
               EarningRules rules, People people, UnitLookup units, Actors actors, AuditTrail audit,
               JdbcClient jdbc, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.entries = entries;
        this.settings = settings;
        this.rules = rules;
        this.people = people;
        this.units = units;
        this.actors = actors;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- reading ---

    /** The caller's own points: the page members open most. */
    @Transactional(readOnly = true)
    public Overview mine(Pageable page) {
        return overview(actors.current().requirePerson(), page, false);
    }

    /** A person's points for staff whose reach covers the person. */
    @Transactional(readOnly = true)
    public Overview of(long personId, Pageable page) {
        people.get(personId);
        return overview(personId, page, true);
    }

    private Overview overview(long personId, Pageable page, boolean staff) {
        PersonCard person = staff ? people.cards(List.of(personId)).get(personId) : null;
        Optional<PointsAccount> account = accounts.findById(personId);
        int earned = account.map(PointsAccount::getEarnedTotal).orElse(0);
        return new Overview(person, account.map(PointsAccount::getBalance).orElse(0), earned,
                account.map(PointsAccount::getCardNumber).orElse(null), rules.standing(earned), expiringSoon(personId),
                entries.historyOf(personId, page), staff);
    }

    /** The caller's youth card: opened with the account on first sight. */
    @Transactional
    public PointsAccount myCard() {
        return ledger.lock(actors.current().requirePerson());
    }

    /** Public: what the youth card's QR code shows — masked name, tier and whether it is valid, not the balance. */
    @Transactional(readOnly = true)
    public CardView card(String code) {
        PointsAccount account = accounts.findByCardCode(code == null ? "" : code.trim())
                .orElseThrow(() -> new NotFoundException("card", code));
        PersonCard person = people.cards(List.of(account.getPersonId())).get(account.getPersonId());
        return new CardView(account.getCardNumber(), Person.maskName(person.name()),
                rules.standing(account.getEarnedTotal()).tier().getName(), person.active());
    }

    /** A person's account, if they have earned anything yet: the catalogue weighs their balance and total earned. */
    Optional<PointsAccount> accountOf(long personId) {
        return accounts.findById(personId);
    }

    /** A masked name for the pickup desk. */
    String holderName(long personId) {
        PersonCard card = people.cards(List.of(personId)).get(personId);
        return card == null ? "" : Person.maskName(card.name());
    }

    // --- earning (from the activity and volunteer modules' events) ---

    /** Pays an earning once: a key already written, a rule paying nothing or caps already reached pay nothing. */
    @Transactional
    void earn(Earning e) {
        PointsAccount account = ledger.lock(e.personId());
        if (ledger.recorded(e.key())) {
            return;
        }
        Optional<PointsRule> inForce = rules.inForce(e.source(), e.type(), e.day());
        if (inForce.isEmpty()) {
            return;
        }
        PointsRule rule = inForce.get();
        int points = e.attendances() * rule.getPointsPerAttendance() + rule.forService(e.minutes());
        YearMonth month = YearMonth.from(e.day());
        int amount = rule.capped(points, entries.earnedBy(e.personId(), e.source(), rule.getActivityType(), e.day(), e.day()),
                entries.earnedBy(e.personId(), e.source(), rule.getActivityType(), month.atDay(1), month.atEndOfMonth()));
        if (amount > 0) {
            ledger.append(account, new Posting(PointsEntry.Kind.EARN, amount, e.reason(), e.ref(), e.refId(), rule.getId(), e.day(),
                    organizationOf(e.personId()), e.key(), "system"));
        }
    }

    /**
     * Takes back what a presence earned (its check-in and its service), once, after staff revoked its
     * hours: an adjustment naming the revocation, no more than the balance holds.
     */
    @Transactional
    void takeBack(long activityId, String title, long personId, String reason, Instant at) {
        PointsAccount account = ledger.lock(personId);
        String key = "revoke:" + activityId + ":" + personId;
        if (ledger.recorded(key)) {
            return;
        }
        long earned = entries.amountOf(List.of("checkin:" + activityId + ":" + personId, "service:" + activityId + ":" + personId));
        int amount = (int) Math.min(earned, account.getBalance());
        if (amount > 0) {
            ledger.append(account, new Posting(PointsEntry.Kind.ADJUST, -amount, "撤销时长：" + title + "（" + reason + "）",
                    PointsEntry.Ref.ACTIVITY, activityId, null, day(at), organizationOf(personId), key, "system"));
        }
    }

    // what was paid for is named by the event itself: the bank never asks activities or rosters back

    Earning forCheckIn(long activityId, String title, long personId, Activity.Type type, Instant at) {
        return new Earning(personId, PointsRule.Source.ACTIVITY, type, day(at), 1, 0, PointsEntry.Ref.ACTIVITY, activityId,
                title, "checkin:" + activityId + ":" + personId);
    }

    Earning forService(long activityId, String title, long personId, Activity.Type type, int minutes, Instant at) {
        return new Earning(personId, PointsRule.Source.ACTIVITY, type, day(at), 0, minutes, PointsEntry.Ref.ACTIVITY, activityId,
                title, "service:" + activityId + ":" + personId);
    }

    Earning forShift(long shiftId, String postName, long personId, LocalDate day, int minutes) {
        return new Earning(personId, PointsRule.Source.SHIFT, null, day, 1, minutes, PointsEntry.Ref.SHIFT, shiftId,
                postName, "shift:" + shiftId);
    }

    // --- staff ---

    /**
     * A manual adjustment by staff whose reach covers the person: any amount but zero, never below a
     * zero balance, with a reason; audited. {@code requestKey} (from the form) makes a double submit
     * adjust once.
     */
    @Transactional
    public void adjust(long personId, Integer amount, String reason, String requestKey) {
        Actor actor = actors.current();
        actor.requireStaff();
        people.get(personId);
        if (amount == null || amount == 0 || Math.abs(amount) > 100_000) {
            throw new RuleViolationException("amount", "points.adjust.amount");
        }
        if (reason == null || reason.isBlank() || reason.trim().length() > 200) {
            throw new RuleViolationException("reason", "points.adjust.reason", 200);
        }
        if (requestKey == null || !requestKey.matches("[A-Za-z0-9-]{8,64}")) {
            throw RuleViolationException.of("points.request.invalid");
        }
        PointsAccount account = ledger.lock(personId);
        String key = "adjust:" + requestKey;
        if (ledger.recorded(key)) {
            return;
        }
        try {
            ledger.append(account, Posting.adjustment(amount, reason.trim(), LocalDate.now(clock), organizationOf(personId), key,
                    actor.username()));
        } catch (RuleViolationException belowZero) {
            throw new RuleViolationException("amount", "points.below-zero", account.getBalance());
        }
        audit.record("ADJUST_POINTS", "person:" + personId, (amount > 0 ? "+" : "") + amount + "; " + reason.trim());
    }

    /** Every account whose balance or total earned differs from the sum of its entries; empty when the books agree. */
    @Transactional(readOnly = true)
    public List<Mismatch> check() {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        return mismatches();
    }

    List<Mismatch> mismatches() {
        return jdbc.sql("""
                        select a.person_id, a.balance, coalesce(sum(e.amount), 0), a.earned_total,
                               coalesce(sum(e.amount) filter (where e.kind = 'EARN' or (e.kind = 'ADJUST' and e.amount > 0)), 0)
                        from points_account a left join points_entry e on e.person_id = a.person_id
                        group by a.person_id, a.balance, a.earned_total
                        having a.balance <> coalesce(sum(e.amount), 0)
                            or a.earned_total <> coalesce(sum(e.amount) filter (where e.kind = 'EARN' or (e.kind = 'ADJUST' and e.amount > 0)), 0)
                        order by a.person_id
                        """)
                .query((rs, n) -> new Mismatch(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getInt(4), rs.getLong(5))).list();
    }

    /**
     * Where the county lets points expire after N years: what each person earned before the cut-off and
     * has not spent since expires today. Spending takes the oldest points first, so that is earnings
     * before the cut-off minus everything spent, refunds deducted. Runs nightly; once per person and day.
     */
    @Transactional
    public int expire(LocalDate today) {
        Integer years = settings.current().getExpiryYears();
        if (years == null) {
            return 0;
        }
        List<long[]> due = dueBefore(today.minusYears(years), null);
        for (long[] d : due) {
            PointsAccount account = ledger.lock(d[0]);
            String key = "expire:" + d[0] + ":" + today;
            int amount = (int) Math.min(d[1], account.getBalance());
            if (amount > 0 && !ledger.recorded(key)) {
                ledger.append(account, new Posting(PointsEntry.Kind.EXPIRE, -amount, "积分到期", null, null, null, today, organizationOf(d[0]),
                        key, "system"));
            }
        }
        return due.size();
    }

    private int expiringSoon(long personId) {
        return expiringSoon(personId, LocalDate.now(clock)).stream().mapToInt(d -> (int) d[1]).sum();
    }

    /** [person, points] that expire within the notice period from today, for one person or (null) everyone. */
    List<long[]> expiringSoon(Long personId, LocalDate today) {
        Integer years = rules.shownExpiryYears();
        return years == null ? List.of() : dueBefore(today.plusDays(EXPIRY_NOTICE_DAYS).minusYears(years), personId);
    }

    /** [person, points] earned before the cut-off and not spent since, for one person or all. */
    private List<long[]> dueBefore(LocalDate cutoff, Long personId) {
        return jdbc.sql("""
                        select person_id, due from (
                            select person_id,
                                   coalesce(sum(amount) filter (where (kind = 'EARN' or (kind = 'ADJUST' and amount > 0)) and action_day < :cutoff), 0)
                                 - coalesce(sum(-amount) filter (where amount < 0), 0)
                                 + coalesce(sum(amount) filter (where kind = 'REFUND'), 0) as due
                            from points_entry
                            where (cast(:person as bigint) is null or person_id = :person)
                            group by person_id) d
                        where due > 0
                        """)
                .param("cutoff", cutoff).param("person", personId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    /**
     * Issued, redeemed (net of refunds), expired and outstanding points by month and by organisation,
     * for the organisations in the caller's reach. Outstanding is what the entries leave at the end.
     */
    @Transactional(readOnly = true)
    public Report report(LocalDate from, LocalDate to) {
        Actor actor = actors.current();
        actor.requireStaff();
        if (from == null || to == null || to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw new RuleViolationException("to", "points.report.range");
        }
        boolean whole = actor.isCountyAdmin();
        Long[] orgs = whole ? new Long[0] : units.subtreeIds(actor.scopePrefix()).toArray(Long[]::new);
        Timestamp start = Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        String zone = clock.getZone().getId();
        long before = jdbc.sql("select coalesce(sum(amount), 0) from points_entry where created_at < :start and (:whole or organization_id = any(:orgs))")
                .param("start", start).param("whole", whole).param("orgs", orgs).query(Long.class).single();
        List<ReportRow> months = new ArrayList<>();
        long running = before;
        for (Object[] r : jdbc.sql("""
                        select to_char(created_at at time zone :zone, 'YYYY-MM'),
                               coalesce(sum(amount) filter (where kind = 'EARN' or (kind = 'ADJUST' and amount > 0)), 0),
                               coalesce(sum(-amount) filter (where kind = 'REDEEM'), 0) - coalesce(sum(amount) filter (where kind = 'REFUND'), 0),
                               coalesce(sum(-amount) filter (where kind = 'EXPIRE'), 0),
                               coalesce(sum(amount), 0)
                        from points_entry
                        where created_at >= :start and created_at < :end and (:whole or organization_id = any(:orgs))
                        group by 1 order by 1
                        """)
                .param("zone", zone).param("start", start).param("end", end).param("whole", whole).param("orgs", orgs)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).list()) {
            running += (Long) r[4];
            months.add(new ReportRow((String) r[0], (Long) r[1], (Long) r[2], (Long) r[3], running));
        }
        List<Object[]> byOrg = jdbc.sql("""
                        select organization_id,
                               coalesce(sum(amount) filter (where created_at >= :start and (kind = 'EARN' or (kind = 'ADJUST' and amount > 0))), 0),
                               coalesce(sum(-amount) filter (where created_at >= :start and kind = 'REDEEM'), 0)
                                 - coalesce(sum(amount) filter (where created_at >= :start and kind = 'REFUND'), 0),
                               coalesce(sum(-amount) filter (where created_at >= :start and kind = 'EXPIRE'), 0),
                               coalesce(sum(amount), 0)
                        from points_entry
                        where created_at < :end and (:whole or organization_id = any(:orgs))
                        group by organization_id order by organization_id
                        """)
                .param("start", start).param("end", end).param("whole", whole).param("orgs", orgs)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)}).list();
        Map<Long, Organization> names = units.organizations(byOrg.stream().map(r -> (Long) r[0]).collect(Collectors.toSet()));
        return new Report(months, byOrg.stream().map(r -> new ReportRow(
                names.containsKey((Long) r[0]) ? names.get((Long) r[0]).getName() : null, (Long) r[1], (Long) r[2], (Long) r[3], (Long) r[4]))
                .toList());
    }

    // --- rules ---

    long organizationOf(long personId) {
        PersonCard card = people.cards(List.of(personId)).get(personId);
        if (card == null) {
            throw new NotFoundException("person", personId);
        }
        return card.organizationId();
    }


    private LocalDate day(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate();
    }
}
