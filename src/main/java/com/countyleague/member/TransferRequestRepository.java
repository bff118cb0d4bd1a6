package com.countyleague.member;

import java.util.Collection;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TransferRequestRepository extends JpaRepository<TransferRequest, Long> {

    Optional<TransferRequest> findByPersonIdAndStatus(Long personId, TransferRequest.Status status);

    /** Transfers into or out of the given units ({@code all}: every unit), newest first. */
    @Query("""
            select t from TransferRequest t
            where (:all = true or t.toOrgId in :units or t.fromOrgId in :units)
            order by case when t.status = 'PENDING' then 0 else 1 end, t.requestedAt desc
            """)
    Page<TransferRequest> touching(@Param("all") boolean all, @Param("units") Collection<Long> units, Pageable pageable);
}
