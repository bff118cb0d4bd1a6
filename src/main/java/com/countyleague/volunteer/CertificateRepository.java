package com.countyleague.volunteer;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CertificateRepository extends JpaRepository<Certificate, Long> {

    Optional<Certificate> findByCode(String code);

    List<Certificate> findByPersonIdOrderByIssuedAtDesc(long personId);

    @Query(value = "select nextval('service_certificate_number')", nativeQuery = true)
    long nextNumber();
}
