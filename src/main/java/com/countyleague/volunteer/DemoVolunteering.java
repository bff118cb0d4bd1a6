package com.countyleague.volunteer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.countyleague.account.Actors;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.GroupKind;
import com.countyleague.group.Groups;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.PersonSearch;
import com.countyleague.org.Compound;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's volunteering: 翠湖社区's volunteer team (the demo member among them) keeping the
 * south gate of 翠湖花园 in two daily shifts — four weeks kept, four weeks planned — and certificates
 * issued to three of its most active volunteers.
 */
@Component
@Profile("demo")
@Order(DemoVolunteering.ORDER)
class DemoVolunteering implements ApplicationRunner {

    static final int ORDER = 600;

    private final Rosters rosters;
    private final ServiceRecords records;
    private final VolunteerPostRepository posts;
    private final ShiftRepository shifts;
    private final Groups groups;
    private final People people;
    private final UnitLookup units;
    private final Actors actors;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoVolunteering(Rosters rosters, ServiceRecords records, VolunteerPostRepository posts, ShiftRepository shifts, Groups groups,
                     People people, UnitLookup units, Actors actors, ApplicationEventPublisher events, JdbcClient jdbc,
                     Clock clock) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.records = records;
        this.posts = posts;
        this.shifts = shifts;
        this.groups = groups;
        this.people = people;
        this.units = units;
        this.actors = actors;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (posts.count() > 0) {
            return;
        }
        actors.asSystem(this::seed);
    }

    private void seed() {
        Organization branch = units.byCode().get("DC-LH-01");
        if (branch == null) {
            return;
        }
        List<Long> volunteers = new ArrayList<>();
        people.search(new PersonSearch(Ledger.LEAGUE_MEMBER, branch.getId(), null, null, null, null, null, null, null, null, "张团员", null, null),
                PageRequest.of(0, 1)).forEach(p -> volunteers.add(p.id()));
        people.search(new PersonSearch(Ledger.YOUTH, branch.getId(), null, null, null, null, null, null, null, null, null, null, null),
                PageRequest.of(0, 7)).forEach(p -> volunteers.add(p.id()));
        long team = groups.create(new CommunityGroup.Details(GroupKind.VOLUNTEER_TEAM, null, "翠湖社区青年志愿服务队", branch.getId(),
                "小区门岗文明劝导、垃圾分类指导和邻里帮扶，实行轮值工作制度。", 40, CommunityGroup.DEFAULT_INACTIVITY_DAYS,
                CommunityGroup.Status.ACTIVE));
        volunteers.forEach(p -> groups.enrol(team, p));
        Long compound = units.compoundsOf(branch.getId()).stream().findFirst().map(Compound::getId).orElse(null);
        long post = rosters.create(new VolunteerPost.Details("翠湖花园南门文明劝导岗", branch.getId(), compound, null, team, 1,
                List.of(new VolunteerPost.Slot(0, LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new VolunteerPost.Slot(0, LocalTime.of(14, 0), LocalTime.of(18, 0))), VolunteerPost.Status.ACTIVE));
        keptWeeks(posts.findById(post).orElseThrow(), volunteers, 4);
        LocalDate today = LocalDate.now(clock);
        rosters.generate(post, today, 4);
        // the team's volunteers hold national volunteer numbers, so that their records can be sent to the national system
        jdbc.sql("update person set volunteer_number = 'SC5101' || lpad(id::text, 8, '0') where id = any(?)")
                .param(volunteers.toArray(Long[]::new)).update();
        // three certificates issued after a notice that ended last week, one in notice now, one held by an objection
        for (int i = 0; i < Math.min(5, volunteers.size()); i++) {
            long request = records.request(volunteers.get(i), new ServiceRecords.CertificateDraft(today.minusWeeks(4), today.minusDays(1),
                    "王书记", "李干事", "0571-86000000"), i < 3 ? today.minusDays(14) : today);
            if (i < 3) {
                records.issue(request);
            } else if (i == 4) {
                jdbc.sql("update certificate_request set status = 'HELD', objector = '居民刘某 139****0000', objection = ?, objected_at = now() "
                        + "where id = ?").params("十月份该同学在外地上学，未参加南门值守", request).update();
            }
        }
    }

    /** The past weeks as a leader would have left them: planned in rotation, nearly all kept, a few missed. */
    private void keptWeeks(VolunteerPost post, List<Long> team, int weeks) {
        LocalDate from = LocalDate.now(clock).minusWeeks(weeks);
        List<RosterPlan.Need> needs = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(LocalDate.now(clock)); day = day.plusDays(1)) {
            for (VolunteerPost.Slot slot : post.getSlots()) {
                needs.add(new RosterPlan.Need(day, slot.slotNo()));
            }
        }
        Random random = new Random(7);
        Instant now = clock.instant();
        List<Shift> kept = new ArrayList<>();
        RosterPlan.make(needs, team, post.getPeoplePerShift(), (p, d) -> true, Map.of()).assignments().forEach((need, persons) ->
                persons.forEach(p -> {
                    Shift shift = new Shift(post.getId(), need.day(), need.slotNo(), p);
                    shift.confirm(random.nextInt(10) > 0, post.slot(need.slotNo()).orElseThrow().minutes(), "system", now);
                    kept.add(shift);
                }));
        shifts.saveAll(kept);
        // as the leader's confirmations would: the points bank pays for kept shifts after commit
        kept.stream().filter(s -> s.getStatus() == Shift.Status.COMPLETED).forEach(s -> events.publishEvent(new ShiftConfirmed(s.getId(),
                post.getId(), post.getName(), s.getPersonId(), s.getDay(), s.getServiceMinutes(), now)));
    }
}
