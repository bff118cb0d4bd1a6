package com.countyleague.account;

import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The operation log: every write anybody made, whether it succeeded, and how long it took. */
@Service
public class OperationLog {

    public record Filter(String operator, OperationRecord.Result result, String text, LocalDate from, LocalDate to) {
    }

    private final OperationRecords records;
    private final Actors actors;
    private final ZoneId zone;

    OperationLog(OperationRecords records, Actors actors, @Value("${league.zone}") ZoneId zone) {
        this.records = records;
        this.actors = actors;
        this.zone = zone;
    }

    @Transactional
    void record(OperationRecord record) {
        records.save(record);
    }

    @Transactional(readOnly = true)
    public Page<OperationRecord> search(Filter filter, Pageable pageable) {
        actors.current().requireRole(Role.COUNTY_ADMIN);
        return records.search(Texts.containing(filter.operator()), filter.result(), Texts.containing(filter.text()),
                Days.start(filter.from(), zone), Days.end(filter.to(), zone), pageable);
    }
}
