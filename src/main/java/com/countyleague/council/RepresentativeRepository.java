package com.countyleague.council;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RepresentativeRepository extends JpaRepository<Representative, Long> {

    List<Representative> findByPointIdInOrderByTermToDesc(Collection<Long> pointIds);
}
