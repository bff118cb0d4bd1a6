package com.countyleague.group;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface RoleLimitRepository extends JpaRepository<RoleLimit, RoleLimit.Key> {

    List<RoleLimit> findAllByOrderByKeyKindAscKeyRoleAsc();
}
