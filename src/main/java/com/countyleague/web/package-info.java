/**
 * Layout, home pages, error pages and language switching shared by every screen.
 * Also the two exceptions through which any module says "no such record" or "this breaks a rule",
 * and {@link com.countyleague.web.ByIdsRepository} for repositories that load records by lists of ids.
 */
package com.countyleague.web;
