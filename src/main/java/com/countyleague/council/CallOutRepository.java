package com.countyleague.council;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import com.countyleague.account.Reach;
import com.countyleague.account.ReachableObjects;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CallOutRepository extends JpaRepository<CallOut, Long>, ReachableObjects {

    @Override
    default Reach.Target target() {
        return Reach.Target.CALL_OUT;
    }

    @Override
    @Query("select c.organizationId from CallOut c where c.id = :id")
    Optional<Long> organizationOf(@Param("id") long id);

    /** The call-out, locked: answers are counted one at a time, so it is never over-staffed. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from CallOut c where c.id = :id")
    Optional<CallOut> lock(@Param("id") long id);

    @Query(nativeQuery = true, value = """
            select c.* from call_out c join organization o on o.id = c.organization_id
            where o.path like :prefix || '%' order by c.created_at desc limit 100""")
    List<CallOut> within(@Param("prefix") String pathPrefix);

    List<CallOut> findTop50ByGroupIdInOrderByCreatedAtDesc(Collection<Long> groupIds);
}
