package com.countyleague.activity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SignUpRepository extends JpaRepository<SignUp, Long> {

    @Query("select s from SignUp s where s.activityId = :activityId and s.personId = :personId and s.status <> 'CANCELLED'")
    Optional<SignUp> findCurrent(@Param("activityId") long activityId, @Param("personId") long personId);

    long countByActivityIdAndStatus(long activityId, SignUp.Status status);

    List<SignUp> findByActivityIdAndStatusOrderBySignedUpAtAscIdAsc(long activityId, SignUp.Status status);

    @Query("select s from SignUp s where s.personId = :personId and s.status <> 'CANCELLED' and s.activityId in :activityIds")
    List<SignUp> currentOf(@Param("personId") long personId, @Param("activityIds") Collection<Long> activityIds);

    @Query("select s.activityId, count(s) from SignUp s where s.status = 'SIGNED_UP' and s.activityId in :activityIds group by s.activityId")
    List<Object[]> countSignedUp(@Param("activityIds") Collection<Long> activityIds);
}
