package com.countyleague.org;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CompoundRepository extends JpaRepository<Compound, Long> {

    List<Compound> findByBranchIdOrderByName(Long branchId);

    List<Compound> findByBranchIdIn(Collection<Long> branchIds);

    boolean existsByBranchIdAndName(Long branchId, String name);

    boolean existsByBranchId(Long branchId);
}
