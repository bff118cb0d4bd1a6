/**
 * Community groups run like online communities: practice groups with their six themes, interest
 * groups, teams and youth councils; their core team ("1+2+3+N"), members, waiting list, inactivity
 * review and each member's growth record.
 */
package com.countyleague.group;
