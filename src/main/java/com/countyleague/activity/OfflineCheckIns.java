package com.countyleague.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;

import com.countyleague.account.Actors;
import com.countyleague.account.AuditTrail;
import com.countyleague.activity.CheckIns.Outcome;
import com.countyleague.activity.CheckIns.Purpose;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-ins a member's phone took without signal (the screen's QR code scanned, or its code typed),
 * or the organiser's screen took from members' youth cards, sent when the signal returns. The proof fixes the moment: a QR token is signed for its
 * 30-second window, a code is the HMAC of its window; the phone's clock only places the check-in
 * inside the window the proof signs. Each is sent with a nonce the phone made, so one sent twice is
 * recorded once; otherwise it is judged as if sent at that moment (open window, who may take part).
 */
@Service
public class OfflineCheckIns {

    /** How long a phone may stay without signal and still have its check-ins count. */
    static final Duration GRACE = Duration.ofDays(3);
    private static final Duration SKEW = Duration.ofMinutes(1);

    /** What the phone kept: a token or a code, the phone's time, and its nonce. */
    public record Proof(UUID nonce, String token, String code, Instant takenAt) {
    }

    /** What the organiser's screen kept: a youth card scanned (or its number typed), the screen's time, a nonce. */
    public record CardScan(UUID nonce, String card, Instant takenAt) {
    }

    private record Signed(Activity activity, Purpose purpose, Attendance.Method method, Instant at) {
    }

    private final CheckIns checkIns;
    private final Organisers organisers;
    private final MemberCards cards;
    private final ActivityRepository activities;
    private final Activities activityRules;
    private final CodeAttempts codeAttempts;
    private final Actors actors;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    OfflineCheckIns(CheckIns checkIns, Organisers organisers, MemberCards cards, ActivityRepository activities,
                    Activities activityRules, CodeAttempts codeAttempts, Actors actors, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.checkIns = checkIns;
        this.organisers = organisers;
        this.cards = cards;
        this.activities = activities;
        this.activityRules = activityRules;
        this.codeAttempts = codeAttempts;
        this.actors = actors;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The outcome, as at the moment the proof signs; empty when this nonce was sent before (nothing recorded again). */
    @Transactional
    public Optional<Outcome> send(Proof proof) {
        long personId = actors.current().requirePerson();
        boolean byToken = proof.token() != null && !proof.token().isBlank();
        boolean byCode = proof.code() != null && !proof.code().isBlank();
        if (proof.nonce() == null || byToken == byCode) {
            throw RuleViolationException.of("checkin.offline.invalid");
        }
        Signed signed = byToken ? token(proof) : code(proof, personId);
        timely(signed);
        return once(proof.nonce(), personId, signed, signed.method().name());
    }

    /**
     * A card the organiser's screen scanned while offline. The organiser is trusted with the moment (the
     * screen's clock) as with a check-in by hand, within the activity's check-in window; each nonce once.
     */
    @Transactional
    public Optional<Outcome> sendCard(long activityId, CardScan scan) {
        Activity activity = activities.findById(activityId).orElseThrow(() -> new NotFoundException("activity", activityId));
        organisers.requireManager(activity);
        if (scan.nonce() == null || scan.takenAt() == null || scan.card() == null || scan.card().isBlank()) {
            throw RuleViolationException.of("checkin.offline.invalid");
        }
        long personId = cards.holder(scan.card()).orElseThrow(() -> RuleViolationException.of("checkin.card.unknown"));
        Signed signed = new Signed(activity, Purpose.IN, Attendance.Method.MANUAL, scan.takenAt());
        timely(signed);
        Optional<Outcome> outcome = once(scan.nonce(), personId, signed, "CARD");
        outcome.ifPresent(o -> audit.record("CHECK_IN_BY_CARD", "activity:" + activityId, "person:" + personId + " at " + o.at()));
        return outcome;
    }

    private void timely(Signed signed) {
        Instant now = clock.instant();
        if (signed.at().isAfter(now.plus(SKEW))) {
            throw RuleViolationException.of("checkin.offline.invalid");
        }
        if (signed.at().isBefore(now.minus(GRACE))) {
            throw RuleViolationException.of("checkin.offline.too-late", GRACE.toDays());
        }
    }

    /** Records the nonce, then the check-in; a nonce already recorded records nothing. */
    private Optional<Outcome> once(UUID nonce, long personId, Signed signed, String method) {
        Instant now = clock.instant();
        int fresh = jdbc.sql("""
                        insert into offline_check_in (nonce, person_id, activity_id, purpose, method, taken_at, received_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (nonce) do nothing""")
                .params(nonce, personId, signed.activity().getId(), signed.purpose().name(), method, Timestamp.from(signed.at()),
                        Timestamp.from(now.isBefore(signed.at()) ? signed.at() : now))
                .update();
        if (fresh == 0) {
            return Optional.empty();
        }
        return Optional.of(checkIns.act(signed.activity(), personId, signed.purpose(), signed.method(), signed.at()));
    }

    private Signed token(Proof proof) {
        CheckInCodes.Token parsed = CheckInCodes.parse(proof.token()).orElseThrow(() -> RuleViolationException.of("checkin.token.invalid"));
        Activity activity = activities.findById(parsed.activityId())
                .filter(a -> CheckInCodes.verify(parsed, a.checkInSecret()))
                .orElseThrow(() -> RuleViolationException.of("checkin.token.invalid"));
        return new Signed(activity, parsed.purpose(), Attendance.Method.QR, within(parsed.window(), proof.takenAt()));
    }

    /** A code signs its window only: the phone's time says which windows to try, the matching one fixes the moment. */
    private Signed code(Proof proof, long personId) {
        String digits = proof.code().replaceAll("\\s", "");
        if (!digits.matches("\\d{6}") || proof.takenAt() == null) {
            throw new RuleViolationException("code", "checkin.code.format");
        }
        codeAttempts.requireNotPaused(personId);
        Instant taken = proof.takenAt();
        long around = CheckInCodes.windowAt(taken);
        List<Activity> candidates = activities.withOpenWindows(taken.plus(Activity.CHECK_IN_EARLY).plus(SKEW),
                taken.minus(Activity.CHECK_OUT_LATE).minus(SKEW));
        Optional<Signed> match = candidates.stream()
                .flatMap(activity -> LongStream.rangeClosed(around - 2, around + 1).boxed()
                        .flatMap(w -> CheckInCodes.purposeOf(activity.checkInSecret(), digits, w).stream()
                                .map(purpose -> new Signed(activity, purpose, Attendance.Method.CODE, within(w, taken)))))
                .max(Comparator.comparing(s -> activityRules.mayTakePart(s.activity(), personId)));
        if (match.isEmpty()) {
            codeAttempts.recordWrongCode(personId);
            throw new RuleViolationException("code", "checkin.code.unknown");
        }
        return match.get();
    }

    /** The phone's time, kept inside the 60 seconds a proof of this window lives (its own window and the next). */
    private static Instant within(long window, Instant takenAt) {
        Instant first = CheckInCodes.start(window);
        Instant last = first.plusSeconds(2L * CheckInCodes.WINDOW_SECONDS - 1);
        if (takenAt == null || takenAt.isBefore(first)) {
            return first;
        }
        return takenAt.isAfter(last) ? last : takenAt;
    }
}
