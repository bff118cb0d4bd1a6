/**
 * Community governance: youth councils and youth committees that meet every month, residents' issues
 * carried from report to resolution, League representatives at liaison points, urgent call-outs to
 * teams, and visits to the young people of a building.
 */
package com.countyleague.council;
