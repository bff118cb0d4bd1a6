/**
 * The organisation tree of the county (团县委, committees, branches, joint branches, building groups)
 * and where people live (小区, 楼栋). Subtrees are found by materialised path.
 */
package com.countyleague.org;
