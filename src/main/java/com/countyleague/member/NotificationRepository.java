package com.countyleague.member;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    List<Notification> findTop30ByPersonIdOrderByCreatedAtDescIdDesc(Long personId);
}
