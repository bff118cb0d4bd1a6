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

    /**
     * Failed sign-ins for this account since {@code since} and since its last success or unlock; the
     * captcha is asked for when they reach three.
     */
    @Query(nativeQuery = true, value = """
            select count(*) from login_log f
            where lower(f.username) = lower(:username) and f.at > :since
              and f.result in ('BAD_CREDENTIALS', 'LOCKED', 'DISABLED', 'CAPTCHA')
              and f.at > coalesce((select max(s.at) from login_log s
                                   where lower(s.username) = lower(:username) and s.result in ('SUCCESS', 'UNLOCKED')), '-infinity')
            """)
    int failuresOfAccount(@Param("username") String username, @Param("since") Instant since);

    /** Failed sign-ins from this address since {@code since} and since a sign-in from it last succeeded. */
    @Query(nativeQuery = true, value = """
            select count(*) from login_log f
            where f.ip = :ip and f.at > :since
              and f.result in ('BAD_CREDENTIALS', 'LOCKED', 'DISABLED', 'CAPTCHA')
              and f.at > coalesce((select max(s.at) from login_log s where s.ip = :ip and s.result = 'SUCCESS'), '-infinity')
            """)
    int failuresFromAddress(@Param("ip") String ip, @Param("since") Instant since);
}
