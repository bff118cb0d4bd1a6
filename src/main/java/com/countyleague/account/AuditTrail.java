package com.countyleague.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log of sensitive acts: any module records here what an auditor will ask about — who
 * revealed which identity number, who exported what, who corrected a name — in the same
 * transaction as the act, so an act without its record cannot happen.
 */
@Service
public class AuditTrail {

    public record Filter(String operator, String action, String target, LocalDate from, LocalDate to) {
    }

    private final AuditRecords records;
    private final Actors actors;
    private final Clock clock;
    private final ZoneId zone;

    AuditTrail(AuditRecords records, Actors actors, Clock clock, @Value("${league.zone}") ZoneId zone) {
        this.records = records;
        this.actors = actors;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Records an act of the current caller.
     *
     * @param action what was done, e.g. {@code REVEAL_ID_NUMBER}
     * @param target what it was done to, e.g. {@code person:42}
     */
    @Transactional
    public void record(String action, String target, String detail) {
        Actor actor = actors.current();
        HttpServletRequest request = LoginLog.currentRequest();
        records.save(new AuditRecord(clock.instant(), actor.username(), actor.organizationId(), action, target, detail,
                request == null ? null : request.getRemoteAddr()));
    }

    @Transactional(readOnly = true)
    public Page<AuditRecord> search(Filter filter, Pageable pageable) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        String action = filter.action() == null || filter.action().isBlank() ? null : filter.action().trim();
        return records.search(Texts.containing(filter.operator()), action, Texts.containing(filter.target()),
                Days.start(filter.from(), zone), Days.end(filter.to(), zone), pageable);
    }
}
