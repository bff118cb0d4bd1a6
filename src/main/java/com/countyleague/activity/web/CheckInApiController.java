package com.countyleague.activity.web;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.countyleague.activity.CheckIns;
import com.countyleague.activity.OfflineCheckIns;
import com.countyleague.web.Formats;
import com.countyleague.web.Texts;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a phone or an organiser's screen sends when its signal returns: the check-ins it kept while
 * offline, one at a time.
 * 200 with what was recorded (or that this nonce was recorded before); 409 with the reason when the
 * check-in is refused as it would have been at that moment (web.ApiErrors).
 */
@RestController
@RequestMapping("/api/v1")
class CheckInApiController {

    record ProofJson(UUID nonce, String token, String code, Instant takenAt) {
    }

    record CardJson(UUID nonce, String card, Instant takenAt) {
    }

    record ResultJson(String result, String activity, Instant at, String message) {
    }

    private final OfflineCheckIns offline;
    private final Texts texts;
    private final Formats formats;

    CheckInApiController(OfflineCheckIns offline, Texts texts, Formats formats) {
        this.offline = offline;
        this.texts = texts;
        this.formats = formats;
    }

    @PostMapping("/me/check-ins")
    ResultJson send(@RequestBody ProofJson proof) {
        return answer(offline.send(new OfflineCheckIns.Proof(proof.nonce(), proof.token(), proof.code(), proof.takenAt())));
    }

    /** The organiser's screen sends the youth cards it scanned (leader mode). */
    @PostMapping("/activities/{id}/check-ins")
    ResultJson sendCard(@PathVariable long id, @RequestBody CardJson scan) {
        return answer(offline.sendCard(id, new OfflineCheckIns.CardScan(scan.nonce(), scan.card(), scan.takenAt())));
    }

    private ResultJson answer(Optional<CheckIns.Outcome> outcome) {
        return outcome.map(this::result)
                .orElseGet(() -> new ResultJson("ALREADY_SENT", null, null, texts.of("checkin.offline.already-sent")));
    }

    private ResultJson result(CheckIns.Outcome outcome) {
        String time = formats.time(outcome.at());
        String message = switch (outcome.act()) {
            case CHECKED_IN -> texts.of("checkin.done.in", new Object[] {time});
            case ALREADY_IN -> texts.of("checkin.done.already-in", new Object[] {time});
            case CHECKED_OUT -> texts.of("checkin.done.out", new Object[] {time});
            case ALREADY_OUT -> texts.of("checkin.done.already-out", new Object[] {time});
        };
        return new ResultJson(outcome.act().name(), outcome.activity().getTitle(), outcome.at(), message);
    }
}
