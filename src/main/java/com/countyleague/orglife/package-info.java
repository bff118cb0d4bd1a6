/**
 * The League's own year (组织生活): so far the members' monthly dues (团费) by the county's bands, their
 * payments by month and the arrears a branch secretary follows.
 */
package com.countyleague.orglife;
