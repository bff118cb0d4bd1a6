/**
 * Places (阵地): Youth Homes and the other venues of the county, their bookings without collisions,
 * and how far the Youth Homes reach on foot (coverage of the compounds, drawn on a map of our own).
 */
package com.countyleague.venue;
