package com.countyleague.member;

import java.util.List;

/**
 * What another module keeps of a League member's year (推优入党, 青年大学习), for the member's page that
 * staff open: each module offers its sections, so the page grows with the modules instead of reaching
 * into their tables. The caller has already been shown the person.
 */
public interface LeagueRecords {

    List<PersonalDataSource.Section> sectionsFor(long personId);
}
