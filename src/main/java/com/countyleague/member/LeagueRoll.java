package com.countyleague.member;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The League-member roll as other modules count it: members by League number, and how many each unit holds. */
@Service
public class LeagueRoll {

    private final JdbcClient jdbc;

    LeagueRoll(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The active League members with these League numbers, by number: how a list from the national platform
     * names them. The caller checks each against their reach.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> leagueMembersByNumber(Collection<String> numbers) {
        Map<String, Long> found = new HashMap<>();
        jdbc.sql("select league_number, id from person where league_number = any(?) and ledger = 'LEAGUE_MEMBER' and status = 'ACTIVE'")
                .param(numbers.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), rs.getLong(2));
                });
        return found;
    }

    /** How many active League members each of these units holds on its own register (not the units below it). */
    @Transactional(readOnly = true)
    public Map<Long, Long> leagueMembersPerUnit(Collection<Long> organizationIds) {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                        select organization_id, count(*) from person
                        where organization_id = any(?) and ledger = 'LEAGUE_MEMBER' and status = 'ACTIVE' group by organization_id""")
                .param(organizationIds.toArray(Long[]::new))
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /** When each of these people joined the League, for those whose day is known. */
    @Transactional(readOnly = true)
    public Map<Long, LocalDate> joinedOn(Collection<Long> personIds) {
        Map<Long, LocalDate> joined = new HashMap<>();
        jdbc.sql("select id, joined_league_on from person where id = any(?) and joined_league_on is not null")
                .param(personIds.toArray(Long[]::new))
                .query(rs -> {
                    joined.put(rs.getLong(1), rs.getDate(2).toLocalDate());
                });
        return joined;
    }
}
