package com.countyleague.group;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.countyleague.account.Accounts;
import com.countyleague.account.Actors;
import com.countyleague.member.Ledger;
import com.countyleague.member.Notifications;
import com.countyleague.member.People;
import com.countyleague.member.PersonRow;
import com.countyleague.member.PersonSearch;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county's groups, as the seed describes them: six practice groups with "1+2+3+N" core
 * teams (about 300 backbones, 4,500 members), 45 interest groups, a youth council ("1+1+N") and a
 * commando team. Links the demo accounts {@code member} and {@code leader} to their persons; the
 * leader runs 翠湖社区舞蹈团. Does nothing when groups exist.
 */
@Component
@Profile("demo")
@Order(DemoGroups.ORDER)
class DemoGroups implements ApplicationRunner {

    static final int ORDER = 300;
    static final String DANCE_GROUP = "翠湖社区舞蹈团";
    private static final int PRACTICE_MEMBERS = 750;
    private static final String[] PRACTICE_NAMES = {"青年红色讲解员实践团", "青年职业体验官实践团", "青年“水滴”志愿者实践团",
            "青年创业合伙人实践团", "青年社区营造师实践团", "青年文化星推官实践团"};
    private static final String[] PRACTICE_ABOUT = {"讲好红色故事、强化理想感召、培育先进典型。", "服务城市建设、开展见习锻炼、凝聚青年人才。",
            "弘扬志愿精神、助力滨水服务、展现文明形象。", "激活创新引擎、培养潜力人才、凝聚创业英才。", "推动社区创新、优化社区环境、提升社区温度。",
            "延续地方文脉、推广本土文化、创造青年流量。"};
    private static final String[] INTERESTS = {"舞蹈团", "书法俱乐部", "瑜伽keep队", "篮球队", "羽毛球社", "读书会", "摄影社", "吉他社",
            "合唱团", "围棋社", "乒乓球队", "跑步团", "骑行队", "汉服社", "茶艺社", "烘焙社", "手工社", "剧本杀社", "电竞社", "街舞队",
            "广场舞队", "太极拳社", "足球队", "排球队", "徒步队", "书画社", "朗诵社", "动漫社", "桌游社", "园艺社", "编程社", "英语角",
            "讲解队", "剪纸社", "川剧社", "美食社", "宠物社", "户外社", "健身社", "电影社", "相声社", "民乐社", "话剧社", "钓鱼社", "观鸟社"};

    private final CommunityGroupRepository groups;
    private final MembershipRepository memberships;
    private final RoleHistoryRepository roleHistory;
    private final People people;
    private final Accounts accounts;
    private final Notifications notifications;
    private final UnitLookup units;
    private final Actors actors;
    private final Clock clock;

    DemoGroups(CommunityGroupRepository groups, MembershipRepository memberships, RoleHistoryRepository roleHistory,
               People people, Accounts accounts, Notifications notifications, UnitLookup units, Actors actors, Clock clock) {
        this.groups = groups;
        this.memberships = memberships;
        this.roleHistory = roleHistory;
        this.people = people;
        this.accounts = accounts;
        this.notifications = notifications;
        this.units = units;
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (groups.count() > 0) {
            return;
        }
        actors.asSystem(this::seed);
    }

    private void seed() {
        Map<String, Organization> byCode = units.byCode();
        Organization county = byCode.get("DC");
        if (county == null) {
            return;
        }
        List<PersonRow> youth = everyone(Ledger.YOUTH);
        List<PersonRow> members = everyone(Ledger.LEAGUE_MEMBER);
        Instant now = clock.instant();
        int next = 0;
        for (int t = 0; t < PracticeTheme.values().length; t++) {
            CommunityGroup practice = group(GroupKind.PRACTICE_GROUP, PracticeTheme.values()[t], PRACTICE_NAMES[t], county.getId(),
                    PRACTICE_ABOUT[t], 1000);
            List<Long> chosen = new ArrayList<>();
            for (int i = 0; i < PRACTICE_MEMBERS && next < youth.size(); i++) {
                chosen.add(youth.get(next++).id());
            }
            List<Membership> joined = enrol(practice, chosen, now.minus(Duration.ofDays(200)));
            appoint(practice, joined, GroupRole.OWNER, 1);
            appoint(practice, joined.subList(1, joined.size()), GroupRole.EXECUTIVE, 2);
            appoint(practice, joined.subList(3, joined.size()), GroupRole.EXPERT, 3);
            appoint(practice, joined.subList(6, joined.size()), GroupRole.LEADER, 44);
        }

        List<Organization> branches = List.of(byCode.get("DC-LH-01"), byCode.get("DC-LH-02"), byCode.get("DC-JJ-01"), byCode.get("DC-CN-01"));
        Map<Long, List<PersonRow>> byBranch = members.stream().collect(Collectors.groupingBy(PersonRow::organizationId));
        CommunityGroup dance = null;
        for (int i = 0; i < INTERESTS.length; i++) {
            Organization host = branches.get(i % branches.size());
            String name = host.getName().replace("团支部", "").replace("联合", "") + INTERESTS[i];
            CommunityGroup interest = group(GroupKind.INTEREST_GROUP, null, i == 0 ? DANCE_GROUP : name, host.getId(),
                    null, i == 0 ? 20 : 30);
            List<PersonRow> pool = byBranch.getOrDefault(host.getId(), List.of());
            List<Long> chosen = new ArrayList<>();
            for (int k = 0; k < Math.min(pool.size(), 5 + (i * 7) % 14); k++) {
                chosen.add(pool.get((i * 5 + k) % pool.size()).id());
            }
            List<Membership> joined = enrol(interest, chosen.stream().distinct().toList(), now.minus(Duration.ofDays(120 - i)));
            appoint(interest, joined, GroupRole.OWNER, 1);
            if (i == 0) {
                dance = interest;
            }
        }

        CommunityGroup council = group(GroupKind.YOUTH_COUNCIL, null, "翠湖社区青治团", byCode.get("DC-LH-01").getId(),
                "“1+1+N”青年圆桌会固定班底，每月至少议事一次，收集和办理“基层困难事”“群众烦心事”。", null);
        List<Membership> councillors = enrol(council, byBranch.getOrDefault(byCode.get("DC-LH-01").getId(), List.of())
                .stream().skip(20).limit(10).map(PersonRow::id).toList(), now.minus(Duration.ofDays(60)));
        appoint(council, councillors, GroupRole.GUIDE, 1);
        appoint(council, councillors.subList(1, councillors.size()), GroupRole.CADRE, 1);

        CommunityGroup commando = group(GroupKind.COMMANDO_TEAM, null, "龙湖街道青年突击队", byCode.get("DC-C01").getId(),
                "积极参与社区“急、难、险、重、新”任务。", 30);
        List<Membership> commandos = enrol(commando, youth.subList(next, Math.min(youth.size(), next + 15)).stream()
                .map(PersonRow::id).toList(), now.minus(Duration.ofDays(30)));
        appoint(commando, commandos, GroupRole.OWNER, 1);
        // the backbones are exactly those who hold a post in a core team
        people.markBackbones(memberships.findAll().stream().filter(m -> m.getRole() != null).map(Membership::getPersonId)
                .distinct().toList());

        if (dance != null) {
            linkDemoAccounts(dance);
        }
    }

    /** The demo leader runs the dance group; the demo member belongs to it and has been told so. */
    private void linkDemoAccounts(CommunityGroup dance) {
        memberships.findByGroupIdAndStatusOrderByRequestedAtAsc(dance.getId(), Membership.Status.ACTIVE).stream()
                .filter(m -> m.getRole() == GroupRole.OWNER).findFirst()
                .ifPresent(owner -> accounts.linkPerson("leader", owner.getPersonId()));
        people.search(new PersonSearch(Ledger.LEAGUE_MEMBER, null, null, null, null, null, null, null, null, null, "张团员", null, null),
                PageRequest.of(0, 1)).stream().findFirst().ifPresent(member -> {
                    accounts.linkPerson("member", member.id());
                    enrol(dance, List.of(member.id()), clock.instant().minus(Duration.ofDays(10)));
                    notifications.tell(member.id(), "group.notice.accepted", "/me/groups/" + dance.getId(), dance.getName());
                });
    }

    private List<PersonRow> everyone(Ledger ledger) {
        return people.search(new PersonSearch(ledger, null, null, null, null, null, null, null, null, null, null, null, null),
                PageRequest.of(0, 10_000)).getContent();
    }

    private CommunityGroup group(GroupKind kind, PracticeTheme theme, String name, long host, String about, Integer capacity) {
        return groups.save(new CommunityGroup(new CommunityGroup.Details(kind, theme, name, host, about, capacity,
                CommunityGroup.DEFAULT_INACTIVITY_DAYS, CommunityGroup.Status.ACTIVE), clock.instant()));
    }

    private List<Membership> enrol(CommunityGroup group, List<Long> personIds, Instant at) {
        List<Membership> joined = new ArrayList<>();
        for (Long personId : personIds) {
            Membership membership = new Membership(group.getId(), personId, Membership.Source.ADDED, at);
            membership.accept(true, "system", at);
            joined.add(membership);
        }
        return memberships.saveAll(joined);
    }

    private void appoint(CommunityGroup group, List<Membership> candidates, GroupRole role, int how) {
        candidates.stream().limit(how).forEach(m -> {
            m.appoint(role);
            roleHistory.save(new RoleHistory(group.getId(), m.getPersonId(), role, "system", m.getJoinedAt()));
        });
    }
}
