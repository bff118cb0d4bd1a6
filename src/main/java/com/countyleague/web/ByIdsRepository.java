package com.countyleague.web;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.repository.NoRepositoryBean;

/**
 * A repository that loads records by a collection of ids the way pages ask for them. Spring Data's
 * {@code findAllById} builds a criteria query on every call, and Hibernate translates an in-list anew
 * for every length; most callers (a page about one person or unit) ask for a single id, which is
 * loaded by id here.
 */
@NoRepositoryBean
public interface ByIdsRepository<T> extends JpaRepository<T, Long> {

    /** The records of these ids that exist; null ids find nothing. */
    default List<T> findAllByIds(Collection<Long> ids) {
        if (ids.size() != 1) {
            return ids.isEmpty() ? List.of() : findByIdIn(ids);
        }
        Long only = ids.iterator().next();
        return only == null ? List.of() : findById(only).map(List::of).orElseGet(List::of);
    }

    List<T> findByIdIn(Collection<Long> ids);
}
