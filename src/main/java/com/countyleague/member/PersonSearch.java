package com.countyleague.member;

/**
 * A ledger list's filter. {@code under} limits it to a unit and everything below it; {@code text}
 * is a name, part of a mobile number or a full identity number; {@code registered} keeps those
 * registered (团籍注册) for the current year, or those not.
 */
public record PersonSearch(Ledger ledger, Long under, Long compoundId, Long buildingId, Integer ageFrom, Integer ageTo,
                           Boolean backbone, String tag, GridRole gridRole, PersonStatus status, String text,
                           Sort sort, Boolean registered) {

    /** The orders a list offers; nothing else reaches the SQL. */
    public enum Sort {
        NAME("p.name, p.id"),
        AGE("p.birth_date desc, p.id"),
        AGE_DESC("p.birth_date, p.id"),
        JOINED("p.joined_league_on nulls last, p.id"),
        NEWEST("p.created_at desc, p.id desc");

        final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    public PersonSearch {
        ledger = ledger == null ? Ledger.LEAGUE_MEMBER : ledger;
        sort = sort == null ? Sort.NAME : sort;
    }

    public static PersonSearch of(Ledger ledger) {
        return new PersonSearch(ledger, null, null, null, null, null, null, null, null, PersonStatus.ACTIVE, null, null, null);
    }
}
