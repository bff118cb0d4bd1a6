package com.countyleague.org;

/** The "4" of a "1+4+N" joint branch: the kinds of 联建单位. */
public enum PartnerKind {
    PARTY_BRANCH,
    YOUTH_SOCIAL_ORGANIZATION,
    AGENCY_ENTERPRISE,
    PROPERTY_MANAGEMENT,
    OWNERS
}
