package com.countyleague.points;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PointsAccountRepository extends JpaRepository<PointsAccount, Long> {

    /** The account, locked: its entries are written one at a time, each with the balance it leaves. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from PointsAccount a where a.personId = :personId")
    Optional<PointsAccount> lock(@Param("personId") long personId);

    Optional<PointsAccount> findByCardCode(String cardCode);

    Optional<PointsAccount> findByCardNumber(String cardNumber);
}
