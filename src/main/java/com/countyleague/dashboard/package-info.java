/**
 * The county at a glance: each role's home page and the dashboard of a subtree, made of the figures
 * every module contributes ({@link com.countyleague.web.Figures}). Reads everyone; nobody reads it.
 */
package com.countyleague.dashboard;
