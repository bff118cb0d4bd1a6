package com.countyleague.member;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DictionaryItemRepository extends JpaRepository<DictionaryItem, Long> {

    List<DictionaryItem> findAllByOrderByKindAscSortOrderAscCodeAsc();

    List<DictionaryItem> findByKindOrderBySortOrderAscCodeAsc(DictionaryKind kind);

    boolean existsByKindAndCode(DictionaryKind kind, String code);
}
