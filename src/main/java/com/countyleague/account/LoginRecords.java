package com.countyleague.account;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LoginRecords extends JpaRepository<LoginRecord, Long> {

    @Query("""
            select r from LoginRecord r
            where (:username is null or lower(r.username) like :username)
              and (:result is null or r.result = :result)
              and r.at >= :from and r.at < :to
            order by r.at desc, r.id desc
            """)
    Page<LoginRecord> search(@Param("username") String username, @Param("result") LoginLog.Result result,
                             @Param("from") Instant from, @Param("to") Instant to, Pageable pageable);
}
