/**
 * The two ledgers of people — league members (团员台账) and youth (青年台账) — with their life events,
 * transfers between branches, the dictionaries offices adjust, import and export. Identity numbers
 * are kept encrypted, found by a keyed hash and shown masked.
 */
package com.countyleague.member;
