package com.countyleague.council;

import org.springframework.data.jpa.repository.JpaRepository;

interface AnonymousReporterRepository extends JpaRepository<AnonymousReporter, Long> {
}
