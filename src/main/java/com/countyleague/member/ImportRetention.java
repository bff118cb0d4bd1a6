package com.countyleague.member;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded ledger sheets hold a whole branch's identity numbers: once the retention period has
 * passed, each file's bytes and the problems quoting its cells are deleted, nightly. The job's
 * line (who imported what, when, how many rows) stays, as the operation log does.
 */
@Component
class ImportRetention {

    private static final Logger log = LoggerFactory.getLogger(ImportRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;

    ImportRetention(JdbcClient jdbc, Clock clock, @Value("${league.retention.import-files:P30D}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep;
    }

    /** Deletes the contents of imports older than the period, except those still being read or written; returns how many. */
    @Scheduled(cron = "${league.retention.cron:0 40 3 * * *}", zone = "${league.zone}")
    @Transactional
    public int purge() {
        Instant now = clock.instant();
        Timestamp before = Timestamp.from(now.minus(keep));
        jdbc.sql("""
                        delete from import_problem where job_id in (select id from import_job where created_at < ?
                            and content_deleted_at is null and status not in ('VALIDATING', 'COMMITTING'))""")
                .param(before).update();
        int purged = jdbc.sql("""
                        update import_job set content = ''::bytea, content_deleted_at = ?,
                            -- a sheet checked but never confirmed can no longer be: its file is gone
                            status = case when status = 'READY' then 'FAILED' else status end,
                            failure = case when status = 'READY' then 'expired' else failure end
                        where created_at < ? and content_deleted_at is null and status not in ('VALIDATING', 'COMMITTING')""")
                .params(Timestamp.from(now), before).update();
        if (purged > 0) {
            log.info("Deleted the files of {} ledger imports older than {}", purged, keep);
        }
        return purged;
    }
}
