package com.countyleague.points;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface TierRepository extends JpaRepository<Tier, Long> {

    List<Tier> findAllByOrderByMinEarnedAsc();
}
