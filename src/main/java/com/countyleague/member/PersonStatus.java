package com.countyleague.member;

public enum PersonStatus {
    ACTIVE,
    TRANSFERRED_OUT,
    RETIRED,
    LEFT
}
