package com.countyleague.account;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OperationRecords extends JpaRepository<OperationRecord, Long> {

    @Query("""
            select r from OperationRecord r
            where (:operator is null or lower(r.operator) like :operator)
              and (:result is null or r.result = :result)
              and (:text is null or lower(r.url) like :text or lower(r.action) like :text)
              and r.at >= :from and r.at < :to
            order by r.at desc, r.id desc
            """)
    Page<OperationRecord> search(@Param("operator") String operator, @Param("result") OperationRecord.Result result,
                                 @Param("text") String text, @Param("from") Instant from, @Param("to") Instant to,
                                 Pageable pageable);
}
