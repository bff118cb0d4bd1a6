package com.countyleague.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AccountRepository extends JpaRepository<Account, Long> {

    @Query("select a from Account a where lower(a.username) = lower(:username)")
    Optional<Account> findByUsername(@Param("username") String username);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Account a where lower(a.username) = lower(:username)")
    Optional<Account> lockByUsername(@Param("username") String username);

    boolean existsByUsernameIgnoreCase(String username);

    boolean existsByPersonId(Long personId);

    List<Account> findByPersonIdIn(Collection<Long> personIds);

    /**
     * Accounts matching the filter; {@code organizationIds} null means no organisation limit
     * (the county admin), otherwise only accounts bound to one of them.
     */
    @Query("""
            select a from Account a
            where (:allOrganizations = true or a.organizationId in :organizationIds)
              and (:text is null or lower(a.username) like :text or lower(a.displayName) like :text)
              and (:role is null or a.role = :role)
              and (:enabled is null or a.enabled = :enabled)
            """)
    Page<Account> search(@Param("allOrganizations") boolean allOrganizations,
                         @Param("organizationIds") Collection<Long> organizationIds,
                         @Param("text") String text, @Param("role") Role role,
                         @Param("enabled") Boolean enabled, Pageable pageable);

    @Query("select a from Account a where a.lockedUntil > :now order by a.lockedUntil desc")
    List<Account> lockedAt(@Param("now") Instant now);
}
