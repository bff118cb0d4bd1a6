package com.countyleague.volunteer;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CertificateRequestRepository extends JpaRepository<CertificateRequest, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from CertificateRequest r where r.id = :id")
    Optional<CertificateRequest> lock(@Param("id") long id);

    List<CertificateRequest> findByPersonIdOrderByRequestedAtDesc(long personId);

    /** What an organisation has in notice (or held) now, the notice ending first on top. */
    @Query("""
            select r from CertificateRequest r
            where r.issuerOrgId = :issuer and r.noticeTo > :today
              and r.status in (com.countyleague.volunteer.CertificateRequest.Status.NOTICE,
                               com.countyleague.volunteer.CertificateRequest.Status.HELD)
            order by r.noticeTo, r.id""")
    List<CertificateRequest> inNotice(@Param("issuer") long issuerOrgId, @Param("today") java.time.LocalDate today);
}
