package com.countyleague.group;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoleHistoryRepository extends JpaRepository<RoleHistory, Long> {

    Optional<RoleHistory> findFirstByGroupIdAndPersonIdAndEndedAtIsNullOrderByAppointedAtDesc(Long groupId, Long personId);

    List<RoleHistory> findByGroupIdAndPersonIdOrderByAppointedAtAsc(Long groupId, Long personId);
}
