package com.countyleague.member;

public enum Gender {
    MALE,
    FEMALE
}
