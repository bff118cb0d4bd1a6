package com.countyleague.council;

import java.util.List;
import java.util.Optional;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface LiaisonPointRepository extends JpaRepository<LiaisonPoint, Long>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.LIAISON_POINT;
    }

    @Override
    @Query("select p.organizationId from LiaisonPoint p where p.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    boolean existsByOrganizationIdAndName(long organizationId, String name);

    @Query(nativeQuery = true, value = """
            select p.* from liaison_point p join organization o on o.id = p.organization_id
            where o.path like :prefix || '%' order by p.name""")
    List<LiaisonPoint> within(@Param("prefix") String pathPrefix);
}
