package com.countyleague.org;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo county, modelled on the seed: a county committee, 33 committees (区属团组织), community
 * branches down to the building, one of them a "1+4+N" joint branch with its partner units.
 * Only under the {@code demo} profile; does nothing when the county already exists.
 */
@Component
@Profile("demo")
@Order(DemoOrganizations.ORDER)
class DemoOrganizations implements ApplicationRunner {

    static final int ORDER = 100;

    private static final List<String> COMMITTEES = List.of(
            "龙湖街道团工委", "锦江街道团工委", "城南镇团委", "城北镇团委", "青山镇团委", "河东乡团委",
            "县教育系统团工委", "县卫生健康系统团工委", "县工业园区团工委", "县公安局团委", "县人民医院团委",
            "县第一中学团委", "县职业中学团委", "县供电公司团委", "县农商银行团委", "县文化旅游局团支部联合团委",
            "县交通运输局团委", "县市场监管局团委", "县税务局团委", "县融媒体中心团委", "县城投集团团委",
            "县水务集团团委", "县邮政分公司团委", "县移动分公司团委", "县电信分公司团委", "县自然资源局团委",
            "县农业农村局团委", "县住建局团委", "县民政局团委", "县司法局团委", "县检察院团支部联合团委",
            "县法院团委", "县非公经济组织团工委");

    private final OrganizationRepository organizations;
    private final Residences residences;
    private final Clock clock;

    DemoOrganizations(OrganizationRepository organizations, Residences residences, Clock clock) {
        this.organizations = organizations;
        this.residences = residences;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (organizations.existsByParentIdIsNull()) {
            return;
        }
        Organization county = unit(null, OrganizationType.COUNTY_COMMITTEE, "共青团示范县委员会", "DC", "示范县人民路1号",
                "0818-2345678", "陈晓");
        Organization[] committees = new Organization[COMMITTEES.size()];
        for (int i = 0; i < COMMITTEES.size(); i++) {
            committees[i] = unit(county, OrganizationType.COMMITTEE, COMMITTEES.get(i), String.format("DC-C%02d", i + 1),
                    null, null, null);
        }

        Organization cuihu = unit(committees[0], OrganizationType.BRANCH, "翠湖社区团支部", "DC-LH-01",
                "龙湖街道翠湖路88号", "0818-2611001", "李书记");
        residence(cuihu, "翠湖花园", "翠湖路88号", "1号楼", "2号楼", "3号楼");
        residence(cuihu, "湖景苑", "翠湖路120号", "1栋", "2栋");

        Organization jinxiu = organizations.save(new Organization(organizations.nextId(), committees[0],
                OrganizationType.JOINT_BRANCH, new Organization.Details("锦绣社区联合团支部", "DC-LH-02",
                "龙湖街道锦绣路16号", "0818-2611002", "赵书记", List.of(
                        new PartnerUnit(PartnerKind.PARTY_BRANCH, "锦绣家园小区党支部"),
                        new PartnerUnit(PartnerKind.YOUTH_SOCIAL_ORGANIZATION, "示范县青年志愿者协会"),
                        new PartnerUnit(PartnerKind.YOUTH_SOCIAL_ORGANIZATION, "农村青年致富带头人联盟"),
                        new PartnerUnit(PartnerKind.AGENCY_ENTERPRISE, "县供电公司团委"),
                        new PartnerUnit(PartnerKind.PROPERTY_MANAGEMENT, "锦绣物业服务中心"),
                        new PartnerUnit(PartnerKind.OWNERS, "锦绣家园业主委员会"))), clock.instant()));
        residence(jinxiu, "锦绣家园", "锦绣路16号", "A栋", "B栋", "C栋");

        Organization jingui = unit(committees[1], OrganizationType.BRANCH, "金桂社区团支部", "DC-JJ-01",
                "锦江街道金桂街6号", "0818-2622001", "孙书记");
        residence(jingui, "金桂小区", "金桂街6号", "1号楼", "2号楼");

        unit(committees[2], OrganizationType.BRANCH, "城南镇青年创业园团支部", "DC-CN-01", "城南镇创业大道1号", null, "周书记");
    }

    private Organization unit(Organization parent, OrganizationType type, String name, String code, String address,
                              String contact, String secretary) {
        return organizations.save(new Organization(organizations.nextId(), parent, type,
                new Organization.Details(name, code, address, contact, secretary, List.of()), clock.instant()));
    }

    private void residence(Organization branch, String compoundName, String address, String... buildingNames) {
        Compound compound = residences.createCompound(branch, compoundName, address);
        for (String building : buildingNames) {
            residences.createBuilding(branch, compound, building);
        }
    }
}
