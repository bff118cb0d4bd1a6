package com.countyleague.points;

import org.springframework.data.jpa.repository.JpaRepository;

interface PointsSettingRepository extends JpaRepository<PointsSetting, Integer> {

    default PointsSetting current() {
        return findById(1).orElseThrow();
    }
}
