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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The login log: every sign-in, refusal, sign-out, forced sign-out and unlock, with IP and browser. */
@Service
public class LoginLog {

    public enum Result { SUCCESS, BAD_CREDENTIALS, LOCKED, DISABLED, LOGOUT, FORCED_LOGOUT, UNLOCKED, CAPTCHA }

    public record Filter(String username, Result result, LocalDate from, LocalDate to) {
    }

    private final LoginRecords records;
    private final Actors actors;
    private final Clock clock;
    private final ZoneId zone;

    LoginLog(LoginRecords records, Actors actors, Clock clock, @Value("${league.zone}") ZoneId zone) {
        this.records = records;
        this.actors = actors;
        this.clock = clock;
        this.zone = zone;
    }

    @Transactional
    public void record(String username, Long accountId, Result result, String detail) {
        HttpServletRequest request = currentRequest();
        records.save(new LoginRecord(clock.instant(), username == null ? "" : username, accountId,
                request == null ? null : request.getRemoteAddr(),
                request == null ? null : request.getHeader("User-Agent"), result, detail));
    }

    @Transactional(readOnly = true)
    public Page<LoginRecord> search(Filter filter, Pageable pageable) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        return records.search(Texts.containing(filter.username()), filter.result(), Days.start(filter.from(), zone), Days.end(filter.to(), zone), pageable);
    }

    static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
