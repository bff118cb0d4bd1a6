package com.countyleague.venue;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ToolLoanRepository extends JpaRepository<ToolLoan, Long> {

    List<ToolLoan> findTop200ByItemIdInOrderByRequestedAtDesc(Collection<Long> itemIds);

    List<ToolLoan> findTop50ByPersonIdOrderByRequestedAtDesc(long personId);

    @Query("select count(l) from ToolLoan l where l.itemId = :item and l.status = com.countyleague.venue.ToolLoan.Status.LENT")
    long lentOut(@Param("item") long itemId);

    @Query("select l from ToolLoan l where l.status = com.countyleague.venue.ToolLoan.Status.LENT and l.dueOn < :today")
    List<ToolLoan> overdue(@Param("today") LocalDate today);
}
