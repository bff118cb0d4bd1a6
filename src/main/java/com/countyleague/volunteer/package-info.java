/**
 * Volunteer posts kept in rotation by their teams, shift swaps and confirmations, each person's
 * service hours and the volunteer service certificates with their public verification.
 */
package com.countyleague.volunteer;
