package com.countyleague.orglife;

import java.util.List;

import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.PersonRow;
import com.countyleague.member.PersonSearch;
import com.countyleague.member.PersonStatus;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/** Who a branch's organisational life is about: the active League members on the register of the unit itself (not of the units below it), by name. */
@Component
class BranchMembers {

    private static final int MAX_MEMBERS = 2_000;

    private final People people;

    BranchMembers(People people) {
        this.people = people;
    }

    List<PersonRow> of(long organizationId) {
        return people.search(new PersonSearch(Ledger.LEAGUE_MEMBER, organizationId, null, null, null, null, null, null, null,
                PersonStatus.ACTIVE, null, PersonSearch.Sort.NAME, null), PageRequest.of(0, MAX_MEMBERS)).getContent().stream()
                .filter(p -> p.organizationId() == organizationId).toList();
    }
}
