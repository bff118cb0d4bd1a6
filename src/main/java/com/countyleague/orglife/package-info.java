/**
 * The League's own year (组织生活): meetings and lectures with their compliance, the annual review and the
 * registration it decides, recommendations to the Party, dues and 青年大学习.
 */
package com.countyleague.orglife;
