package com.countyleague.venue;

import com.countyleague.account.Actors;
import com.countyleague.account.Reach;
import com.countyleague.member.Notifications;
import com.countyleague.member.People;
import com.countyleague.member.People.PersonCard;
import com.countyleague.web.NotFoundException;
import com.countyleague.web.RuleViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 共享工具屋: a venue's items and their loans. Members of the units a venue serves (its own and those
 * below it) see what is there and ask for it from their phone; the venue's manager lends with a due
 * date, records the return and its condition, and sees what is overdue.
 */
@Service
public class ToolHouse {

    static final int MAX_NAME = 100;

    public record ItemRow(ToolItem item, long available) {
    }

    public record LoanRow(ToolLoan loan, String itemName, PersonCard person, boolean overdue) {
    }

    /** The manager's desk: items with what is left, requests to decide, what is out (overdue marked), the history. */
    public record Desk(Venue venue, List<ItemRow> items, List<LoanRow> requested, List<LoanRow> lent, List<LoanRow> history) {
    }

    public record Offer(ToolItem item, String venueName, long available) {
    }

    /** What a member sees: the items of the tool houses that serve them, and their own loans. */
    public record Shelf(List<Offer> offers, List<LoanRow> mine) {
    }

    private final Venues places;
    private final VenueRepository venues;
    private final ToolItemRepository items;
    private final ToolLoanRepository loans;
    private final People people;
    private final Notifications notifications;
    private final Actors actors;
    private final Reach reach;
    private final Clock clock;

    ToolHouse(Venues places, VenueRepository venues, ToolItemRepository items, ToolLoanRepository loans, People people,
              Notifications notifications, Actors actors, Reach reach, Clock clock) {
        this.places = places;
        this.venues = venues;
        this.items = items;
        this.loans = loans;
        this.people = people;
        this.notifications = notifications;
        this.actors = actors;
        this.reach = reach;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Desk desk(long venueId) {
        return desk(venueId, null, null);
    }

    /** The desk, its history narrowed to one item or one person when asked: the history per item and per person. */
    @Transactional(readOnly = true)
    public Desk desk(long venueId, Long itemId, Long personId) {
        reach.require(Reach.Target.VENUE, venueId);
        Venue venue = venues.findById(venueId).orElseThrow(() -> new NotFoundException("venue", venueId));
        List<ToolItem> stock = items.findByVenueIdOrderByName(venueId);
        List<ToolLoan> all = stock.isEmpty() ? List.of() : loans.findTop200ByItemIdInOrderByRequestedAtDesc(stock.stream().map(ToolItem::getId).toList());
        List<LoanRow> rows = rows(all, stock);
        return new Desk(venue, stock.stream().map(i -> new ItemRow(i, available(i, all))).toList(),
                rows.stream().filter(r -> r.loan().getStatus() == ToolLoan.Status.REQUESTED).toList(),
                rows.stream().filter(r -> r.loan().getStatus() == ToolLoan.Status.LENT).toList(),
                rows.stream().filter(r -> r.loan().getStatus() == ToolLoan.Status.RETURNED || r.loan().getStatus() == ToolLoan.Status.REFUSED)
                        .filter(r -> itemId == null || r.loan().getItemId().equals(itemId))
                        .filter(r -> personId == null || r.loan().getPersonId().equals(personId))
                        .toList());
    }

    @Transactional
    public long addItem(long venueId, String name, Integer quantity) {
        reach.require(Reach.Target.VENUE, venueId);
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME) {
            throw new RuleViolationException("name", "tool.item.name", MAX_NAME);
        }
        if (quantity == null || quantity < 1 || quantity > 10_000) {
            throw new RuleViolationException("quantity", "tool.item.quantity");
        }
        if (items.existsByVenueIdAndName(venueId, name.strip())) {
            throw new RuleViolationException("name", "tool.item.taken");
        }
        return items.save(new ToolItem(venueId, name.strip(), quantity, clock.instant())).getId();
    }

    @Transactional(readOnly = true)
    public Shelf shelf() {
        long personId = actors.current().requirePerson();
        List<Venue> serving = places.serving(personId);
        Map<Long, Venue> byId = serving.stream().collect(Collectors.toMap(Venue::getId, Function.identity()));
        List<ToolItem> stock = serving.isEmpty() ? List.of() : items.findByVenueIdInOrderByName(byId.keySet());
        List<ToolLoan> out = stock.isEmpty() ? List.of() : loans.findTop200ByItemIdInOrderByRequestedAtDesc(stock.stream().map(ToolItem::getId).toList());
        List<ToolLoan> mine = loans.findTop50ByPersonIdOrderByRequestedAtDesc(personId);
        List<ToolItem> mineItems = items.findAllById(mine.stream().map(ToolLoan::getItemId).collect(Collectors.toSet()));
        return new Shelf(stock.stream().map(i -> new Offer(i, byId.get(i.getVenueId()).getName(), available(i, out))).toList(),
                rows(mine, mineItems));
    }

    /** A member asks for one of an item; one open request or loan of an item at a time. */
    @Transactional
    public long request(long itemId) {
        long personId = actors.current().requirePerson();
        ToolItem item = items.findById(itemId).orElseThrow(() -> new NotFoundException("tool item", itemId));
        if (places.serving(personId).stream().noneMatch(v -> v.getId().equals(item.getVenueId()))) {
            throw new NotFoundException("tool item", itemId);
        }
        try {
            return loans.saveAndFlush(new ToolLoan(itemId, personId, clock.instant())).getId();
        } catch (DataIntegrityViolationException e) {
            throw RuleViolationException.of("tool.loan.open");
        }
    }

    /** Lends what was asked for, if one is left, until the due date; the member is told. */
    @Transactional
    public void lend(long loanId, LocalDate dueOn) {
        ToolLoan loan = managed(loanId);
        ToolItem item = items.lock(loan.getItemId()).orElseThrow();
        if (loans.lentOut(item.getId()) >= item.getQuantity()) {
            throw RuleViolationException.of("tool.loan.none-left");
        }
        loan.lend(dueOn, LocalDate.now(clock), actors.current().username(), clock.instant());
        notifications.tell(loan.getPersonId(), "tool.notice.lent", "/me/tools", item.getName(), dueOn);
    }

    @Transactional
    public void refuse(long loanId) {
        ToolLoan loan = managed(loanId);
        loan.refuse(actors.current().username());
        notifications.tell(loan.getPersonId(), "tool.notice.refused", "/me/tools",
                items.findById(loan.getItemId()).map(ToolItem::getName).orElse(""));
    }

    @Transactional
    public void giveBack(long loanId, String condition) {
        if (condition != null && condition.strip().length() > 200) {
            throw new RuleViolationException("condition", "tool.loan.condition");
        }
        managed(loanId).giveBack(condition, actors.current().username(), clock.instant());
    }

    /** The loans past their due date, for the reminders. */
    @Transactional(readOnly = true)
    List<ToolLoan> overdue(LocalDate today) {
        return loans.overdue(today);
    }

    private ToolLoan managed(long loanId) {
        ToolLoan loan = loans.findById(loanId).orElseThrow(() -> new NotFoundException("tool loan", loanId));
        ToolItem item = items.findById(loan.getItemId()).orElseThrow();
        reach.require(Reach.Target.VENUE, item.getVenueId());
        return loan;
    }

    private long available(ToolItem item, List<ToolLoan> loansOfItems) {
        return item.getQuantity() - loansOfItems.stream()
                .filter(l -> l.getItemId().equals(item.getId()) && l.getStatus() == ToolLoan.Status.LENT).count();
    }

    private List<LoanRow> rows(List<ToolLoan> list, List<ToolItem> itemsOfThem) {
        Map<Long, String> names = itemsOfThem.stream().collect(Collectors.toMap(ToolItem::getId, ToolItem::getName, (a, b) -> a));
        Set<Long> persons = list.stream().map(ToolLoan::getPersonId).collect(Collectors.toSet());
        Map<Long, PersonCard> cards = people.cards(persons, persons);
        LocalDate today = LocalDate.now(clock);
        return list.stream().map(l -> new LoanRow(l, names.get(l.getItemId()), cards.get(l.getPersonId()), l.overdueOn(today))).toList();
    }
}
