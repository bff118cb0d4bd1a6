package com.countyleague.activity;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PhotoRepository extends JpaRepository<Photo, Long> {

    List<Photo> findByActivityIdAndPurposeOrderByIdAsc(long activityId, Photo.Purpose purpose);
}
