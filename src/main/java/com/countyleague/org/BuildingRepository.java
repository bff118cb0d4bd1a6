package com.countyleague.org;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BuildingRepository extends JpaRepository<Building, Long> {

    @Query("select b from Building b where b.compound.id in :compoundIds order by b.name")
    List<Building> findByCompounds(@Param("compoundIds") Collection<Long> compoundIds);

    @Query("select count(b) > 0 from Building b where b.compound.id = :compoundId and b.name = :name")
    boolean existsInCompound(@Param("compoundId") Long compoundId, @Param("name") String name);

    boolean existsByGroupId(Long groupId);

    Optional<Building> findByGroupId(Long groupId);
}
