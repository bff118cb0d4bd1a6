package com.countyleague.member;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.countyleague.account.Actor;
import com.countyleague.account.Reach;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 组织关系转接 between branches: the sending side asks, the receiving side accepts or rejects, and
 * both see the request and its outcome. Until it is accepted the person stays where they were.
 */
@Service
public class Transfers {

    private final TransferRequestRepository transfers;
    private final PersonRepository personRepository;
    private final People people;
    private final PersonHistory history;
    private final UnitLookup units;
    private final Reach reach;
    private final Clock clock;

    Transfers(TransferRequestRepository transfers, PersonRepository personRepository, People people,
              PersonHistory history, UnitLookup units, Reach reach, Clock clock) {
        this.transfers = transfers;
        this.personRepository = personRepository;
        this.people = people;
        this.history = history;
        this.units = units;
        this.reach = reach;
        this.clock = clock;
    }

    /** A transfer as the list shows it, with names, and what the caller may do with it. */
    public record TransferRow(TransferRequest transfer, String personName, String fromName, String toName,
                              boolean mayDecide, boolean mayCancel) {
    }

    /** Where the person may go: every branch of the county but their own. */
    @Transactional(readOnly = true)
    public List<Organization> destinations(long personId) {
        Person person = people.reachable(people.requireLedgerKeeper(), personId);
        return units.branches().stream().filter(b -> !b.getId().equals(person.getOrganizationId())).toList();
    }

    @Transactional
    public long request(long personId, Long toOrgId, String reason) {
        Actor actor = people.requireLedgerKeeper();
        Person person = people.reachable(actor, personId);
        Organization destination = toOrgId == null ? null : units.organization(toOrgId).orElse(null);
        if (destination == null || !destination.getType().isBranch()) {
            throw new RuleViolationException("toOrgId", "member.organization.branch-only");
        }
        if (transfers.findByPersonIdAndStatus(personId, TransferRequest.Status.PENDING).isPresent()) {
            throw RuleViolationException.of("member.transfer.pending");
        }
        TransferRequest transfer = transfers.save(new TransferRequest(person, toOrgId, blankToNull(reason), actor.username(), clock.instant()));
        history.record(person, PersonEvent.Type.TRANSFER_REQUESTED, destination.getName(), blankToNull(reason));
        return transfer.getId();
    }

    @Transactional
    public void accept(long transferId, String note) {
        Actor actor = people.requireLedgerKeeper();
        TransferRequest transfer = receivable(actor, transferId);
        Person person = personRepository.findById(transfer.getPersonId()).orElseThrow();
        transfer.accept(actor.username(), blankToNull(note), clock.instant());
        person.moveTo(transfer.getToOrgId(), clock.instant());
        history.record(person, PersonEvent.Type.TRANSFER_ACCEPTED, nameOf(transfer.getFromOrgId()) + " → "
                + nameOf(transfer.getToOrgId()), blankToNull(note));
    }

    @Transactional
    public void reject(long transferId, String note) {
        Actor actor = people.requireLedgerKeeper();
        TransferRequest transfer = receivable(actor, transferId);
        transfer.reject(actor.username(), blankToNull(note), clock.instant());
        Person person = personRepository.findById(transfer.getPersonId()).orElseThrow();
        history.record(person, PersonEvent.Type.TRANSFER_REJECTED, nameOf(transfer.getToOrgId()), blankToNull(note));
    }

    @Transactional
    public void cancel(long transferId) {
        Actor actor = people.requireLedgerKeeper();
        TransferRequest transfer = transfers.findById(transferId).orElseThrow(() -> new NotFoundException("transfer", transferId));
        reach.requireOrganization(transfer.getFromOrgId());
        transfer.cancel(actor.username(), clock.instant());
        Person person = personRepository.findById(transfer.getPersonId()).orElseThrow();
        history.record(person, PersonEvent.Type.TRANSFER_CANCELLED, nameOf(transfer.getToOrgId()), null);
    }

    /** Transfers into and out of the caller's reach, pending ones first. */
    @Transactional(readOnly = true)
    public Page<TransferRow> list(Pageable pageable) {
        Actor actor = people.requireLedgerKeeper();
        List<Long> branches = people.unitsToSearch(actor, null);
        Page<TransferRequest> page = transfers.touching(branches == null, branches == null ? List.of(-1L) : branches, pageable);
        Set<Long> orgIds = new HashSet<>();
        page.forEach(t -> {
            orgIds.add(t.getFromOrgId());
            orgIds.add(t.getToOrgId());
        });
        Map<Long, Organization> orgs = units.organizations(orgIds);
        Map<Long, Person> persons = new HashMap<>();
        personRepository.findAllByIds(page.map(TransferRequest::getPersonId).getContent()).forEach(p -> persons.put(p.getId(), p));
        return page.map(t -> new TransferRow(t, persons.get(t.getPersonId()).getName(),
                orgs.get(t.getFromOrgId()).getName(), orgs.get(t.getToOrgId()).getName(),
                t.getStatus() == TransferRequest.Status.PENDING && actor.covers(orgs.get(t.getToOrgId()).getPath()),
                t.getStatus() == TransferRequest.Status.PENDING && actor.covers(orgs.get(t.getFromOrgId()).getPath())));
    }

    /** The pending transfer of a person, for their page. */
    @Transactional(readOnly = true)
    public Optional<TransferRequest> pendingOf(long personId) {
        people.reachable(people.requireLedgerKeeper(), personId);
        return transfers.findByPersonIdAndStatus(personId, TransferRequest.Status.PENDING);
    }

    /** Only the receiving side decides. */
    private TransferRequest receivable(Actor actor, long transferId) {
        TransferRequest transfer = transfers.findById(transferId).orElseThrow(() -> new NotFoundException("transfer", transferId));
        reach.requireOrganization(transfer.getToOrgId());
        return transfer;
    }

    private String nameOf(long organizationId) {
        return units.organization(organizationId).map(Organization::getName).orElse("#" + organizationId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
