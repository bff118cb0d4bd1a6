package com.countyleague.recruitment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.countyleague.account.Actors;
import com.countyleague.account.OrganizationDirectory;
import com.countyleague.group.CommunityGroup;
import com.countyleague.group.GroupKind;
import com.countyleague.group.Groups;
import com.countyleague.member.IdNumber;
import com.countyleague.member.Ledger;
import com.countyleague.member.People;
import com.countyleague.member.PersonDraft;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo campaign: the practice groups' recruitment plan (招募方案) with every channel and its
 * partner institutions, and applications from each channel — some approved and onboarded, some
 * rejected, some waiting for the demo leader. Goes through the recruitment use cases as the system.
 */
@Component
@Profile("demo")
@Order(DemoRecruitment.ORDER)
class DemoRecruitment implements ApplicationRunner {

    static final int ORDER = 400;
    static final String CODE = "practice-2026";
    private static final String[] NAMES = {"林晓", "周一鸣", "郑雨", "罗佳怡", "梁子墨", "谢安", "韩梅", "唐可", "冯远", "董洁", "萧然", "曹宇",
            "许诺", "邓超然", "彭丽", "蒋文", "沈星", "卢月"};

    private final Recruitment recruitment;
    private final People people;
    private final CampaignRepository campaigns;
    private final Groups groups;
    private final OrganizationDirectory organizations;
    private final Actors actors;
    private final Clock clock;

    DemoRecruitment(Recruitment recruitment, People people, CampaignRepository campaigns, Groups groups,
                    OrganizationDirectory organizations, Actors actors, Clock clock) {
        this.recruitment = recruitment;
        this.people = people;
        this.campaigns = campaigns;
        this.groups = groups;
        this.organizations = organizations;
        this.actors = actors;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (campaigns.count() > 0 || organizations.findByCode("DC").isEmpty()) {
            return;
        }
        actors.asSystem(this::seed);
    }

    private void seed() {
        long county = organizations.findByCode("DC").orElseThrow().id();
        long intake = organizations.findByCode("DC-LH-01").orElseThrow().id();
        List<CommunityGroup> targets = new ArrayList<>(groups.inReach().stream()
                .filter(g -> g.getKind() == GroupKind.PRACTICE_GROUP || g.getName().equals("翠湖社区舞蹈团")).toList());
        LocalDate today = LocalDate.now(clock);
        long campaign = recruitment.create(new Campaign.Details(CODE, "2026年青年人民城市实践团招募令",
                "面向全县青年招募实践团成员：区属团组织举荐、两新组织与园区楼宇、中学中职、高校、社区青年库和个人自主报名均可。",
                county, intake, today.minusDays(20), today.plusDays(40), true,
                targets.stream().map(g -> new Campaign.Target(g.getId(), g.getKind() == GroupKind.PRACTICE_GROUP ? 100 : 5)).toList(),
                List.of(new Campaign.ChannelUse(Channel.ORG_NOMINATION, null),
                        new Campaign.ChannelUse(Channel.ENTERPRISE_PARK, "县工业园区\n创业大道孵化器\n锦江商务楼宇"),
                        new Campaign.ChannelUse(Channel.SECONDARY_SCHOOL, "县第一中学\n县职业中学"),
                        new Campaign.ChannelUse(Channel.UNIVERSITY, "四川文理学院\n复旦大学\n华东理工大学"),
                        new Campaign.ChannelUse(Channel.COMMUNITY_POOL, "锦绣社区青年库\n翠湖社区青年库"),
                        new Campaign.ChannelUse(Channel.SELF_APPLICATION, null))));
        Channel[] open = {Channel.ENTERPRISE_PARK, Channel.SECONDARY_SCHOOL, Channel.UNIVERSITY, Channel.COMMUNITY_POOL,
                Channel.SELF_APPLICATION};
        Map<Channel, String> partners = Map.of(Channel.ENTERPRISE_PARK, "县工业园区", Channel.SECONDARY_SCHOOL, "县职业中学",
                Channel.UNIVERSITY, "四川文理学院", Channel.COMMUNITY_POOL, "翠湖社区青年库");
        for (int i = 0; i < NAMES.length; i++) {
            Channel channel = open[i % open.length];
            CommunityGroup group = targets.get(i % targets.size());
            String id = idNumber(today.minusYears(17 + i % 12).minusDays(i * 11L), i);
            long application = recruitment.apply(CODE, new Application.Form(group.getId(), channel, partners.get(channel),
                    NAMES[i], id, String.format(Locale.ROOT, "1370000%04d", i), null, null, "想为社区出一份力。"));
            if (i % 3 == 0) {
                recruitment.approve(application);
            } else if (i % 3 == 1 && i > 9) {
                recruitment.reject(application, "名额已满");
            }
        }
        // the joint branch nominates two of its league members (举荐), one of whom is approved at once
        long jointBranch = organizations.findByCode("DC-LH-02").orElseThrow().id();
        for (int i = 0; i < 2; i++) {
            String id = idNumber(today.minusYears(22 + i).minusDays(40), 60 + i);
            String name = i == 0 ? "江宁" : "柳青";
            String mobile = String.format(Locale.ROOT, "1370001%04d", i);
            people.create(new PersonDraft(name, null, null, id, mobile, Ledger.LEAGUE_MEMBER, "LEAGUE_MEMBER", jointBranch,
                    null, null, null, null, "ORG_NOMINATION", List.of(), null, true, Set.of(), null, null, null, null, null,
                    null, null));
            long nomination = recruitment.nominate(campaign, new Application.Form(targets.get(i).getId(), Channel.ORG_NOMINATION,
                    null, name, id, mobile, null, null, "支部推荐的青年骨干。"));
            if (i == 0) {
                recruitment.approve(nomination);
            }
        }
    }

    /** A valid identity number of another district than the demo ledgers' own, for newcomers. */
    private static String idNumber(LocalDate birth, int n) {
        String body = "511722" + String.format(Locale.ROOT, "%04d%02d%02d%03d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth(), 100 + n * 2 + 1);
        return body + IdNumber.checkCharacter(body);
    }
}
