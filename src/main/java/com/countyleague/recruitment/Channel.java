package com.countyleague.recruitment;

/**
 * Where applicants come from, as the Xuhui recruitment plan names them. The codes are also the
 * SOURCE_CHANNEL dictionary's locked codes, so a recruited person's record says how they came.
 */
public enum Channel {
    /** 区属团组织举荐. */
    ORG_NOMINATION,
    /** 两新组织, 园区楼宇. */
    ENTERPRISE_PARK,
    /** 中学中职. */
    SECONDARY_SCHOOL,
    /** 高校. */
    UNIVERSITY,
    /** 社区青年库. */
    COMMUNITY_POOL,
    /** 自主报名. */
    SELF_APPLICATION;

    /** Channels an applicant chooses on the public page; nominations come from organisations. */
    public boolean isPublic() {
        return this != ORG_NOMINATION;
    }
}
