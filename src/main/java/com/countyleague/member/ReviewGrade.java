package com.countyleague.member;

/** A member's grade in the annual education review (团员教育评议): 优秀, 合格, 基本合格, 不合格. */
public enum ReviewGrade {
    EXCELLENT, QUALIFIED, BASIC, UNQUALIFIED;

    /** Only members graded 基本合格 or better are registered (团籍注册) for the year. */
    public boolean registers() {
        return this != UNQUALIFIED;
    }
}
