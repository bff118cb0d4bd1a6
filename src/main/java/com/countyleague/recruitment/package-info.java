/**
 * Recruitment campaigns (招募方案, 招募令): target groups with quotas, channels with their partner
 * institutions, a public application page, review and onboarding, and each channel's funnel.
 */
package com.countyleague.recruitment;
