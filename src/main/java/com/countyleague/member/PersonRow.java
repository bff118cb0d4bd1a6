package com.countyleague.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A person as a ledger list shows them. */
public record PersonRow(long id, String name, Gender gender, LocalDate birthDate, int age, String idNumberMasked,
                        String mobile, Ledger ledger, long organizationId, String organizationName,
                        Long compoundId, String compoundName, Long buildingId, String buildingName, boolean backbone,
                        Set<GridRole> gridRoles, List<String> tags, PersonStatus status, String leaguePost) {
}
