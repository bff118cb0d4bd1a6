package com.countyleague.account;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AuditRecords extends JpaRepository<AuditRecord, Long> {

    @Query("""
            select r from AuditRecord r
            where (:operator is null or lower(r.operator) like :operator)
              and (:action is null or r.action = :action)
              and (:target is null or lower(r.target) like :target)
              and r.at >= :from and r.at < :to
            order by r.at desc, r.id desc
            """)
    Page<AuditRecord> search(@Param("operator") String operator, @Param("action") String action,
                             @Param("target") String target, @Param("from") Instant from, @Param("to") Instant to,
                             Pageable pageable);
}
