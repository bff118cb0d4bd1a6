package com.countyleague.member;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PersonEventRepository extends JpaRepository<PersonEvent, Long> {

    List<PersonEvent> findByPersonIdOrderByAtAscIdAsc(Long personId);
}
