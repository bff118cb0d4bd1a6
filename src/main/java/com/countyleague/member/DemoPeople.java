package com.countyleague.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import com.countyleague.org.Building;
import com.countyleague.org.Compound;
import com.countyleague.org.Organization;
import com.countyleague.org.UnitLookup;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * People for the demo county's ledgers: a few hundred across its community branches, compounds and
 * buildings, with grid roles, League posts and some members past 28 (backbones are marked by the groups' demo). Deterministic, so
 * every demo shows the same county; does nothing when the ledgers already hold people.
 */
@Component
@Profile("demo")
@Order(DemoPeople.ORDER)
class DemoPeople implements ApplicationRunner {

    static final int ORDER = 150;
    /** 达川区: the region code of the demo county's identity numbers. */
    private static final String REGION = "511703";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡",
            "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"};
    private static final String[] GIVEN = {"子涵", "欣怡", "浩然", "梓萱", "宇轩", "诗涵", "俊杰", "雨桐", "子轩", "思远",
            "晓燕", "嘉怡", "明轩", "一诺", "文博", "佳琪", "天佑", "雅婷", "志强", "丽娟", "鹏", "静", "磊", "婷", "杰", "洋"};
    private static final String[] WORKPLACES = {"县第一中学", "县人民医院", "翠湖社区居委会", "县工业园区", "县供电公司",
            "四川文理学院", "达川区实验小学", "县农商银行", "个体经营", "锦绣物业服务中心"};
    /** Branch code and how many people it keeps. */
    private static final Object[][] BRANCHES = {{"DC-LH-01", 120}, {"DC-LH-02", 100}, {"DC-JJ-01", 60}, {"DC-CN-01", 30}};
    /**
     * Young people of the practice groups' pool (the seed's 4,500 members across six groups), recorded
     * in the youth ledgers of the community branches; the group demo data enrols them.
     */
    static final int PRACTICE_POOL = 4_500;
    /** The person of the demo account {@code member}. */
    static final String MEMBER_ID = "511703200107154822";
    private static final String MINORITY_ID = "511703199912013111";

    private final PersonRepository people;
    private final PersonHistory history;
    private final PersonalData personalData;
    private final UnitLookup units;
    private final Clock clock;

    DemoPeople(PersonRepository people, PersonHistory history, PersonalData personalData, UnitLookup units, Clock clock) {
        this.people = people;
        this.history = history;
        this.personalData = personalData;
        this.units = units;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (people.count() > 0) {
            return;
        }
        Random random = new Random(2026);
        LocalDate today = LocalDate.now(clock);
        List<Person> created = new ArrayList<>();
        int sequence = 0;
        Set<String> used = new HashSet<>(Set.of(MEMBER_ID, MINORITY_ID));
        for (Object[] branchAndCount : BRANCHES) {
            Organization branch = units.branches().stream().filter(b -> b.getCode().equals(branchAndCount[0])).findFirst().orElse(null);
            if (branch == null) {
                continue;
            }
            List<Compound> compounds = units.compoundsOf(branch.getId());
            List<Building> buildings = units.buildingsOf(compounds.stream().map(Compound::getId).toList());
            for (int i = 0; i < (int) branchAndCount[1]; i++) {
                sequence++;
                created.add(person(random, today, branch, buildings, sequence, i, used, null));
            }
        }
        List<Organization> branches = units.branches().stream()
                .filter(b -> Arrays.stream(BRANCHES).anyMatch(code -> code[0].equals(b.getCode()))).toList();
        for (int i = 0; i < PRACTICE_POOL && !branches.isEmpty(); i++) {
            sequence++;
            Organization branch = branches.get(i % branches.size());
            created.add(person(random, today, branch, List.of(), sequence, Integer.MAX_VALUE, used, Ledger.YOUTH));
        }
        created.add(0, named("张团员", MEMBER_ID, Ledger.LEAGUE_MEMBER, units.branches().stream()
                .filter(b -> b.getCode().equals("DC-LH-01")).findFirst().orElseThrow(), today));
        created.add(named("阿卜杜拉·买买提", MINORITY_ID, Ledger.YOUTH, units.branches().stream()
                .filter(b -> b.getCode().equals("DC-LH-02")).findFirst().orElseThrow(), today));
        people.saveAll(created);
        history.recordAll(created, PersonEvent.Type.CREATED, "demo");
    }

    private Person person(Random random, LocalDate today, Organization branch, List<Building> buildings, int sequence, int index,
                          Set<String> used, Ledger only) {
        boolean member = only == null ? random.nextInt(100) < 60 : only == Ledger.LEAGUE_MEMBER;
        // ages: members 14–30 (some past 28, to be retired), youth 18–35
        int age = member ? 14 + random.nextInt(17) : 18 + random.nextInt(18);
        LocalDate birth = today.minusYears(age).minusDays(1 + random.nextInt(360));
        Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
        String id = idNumber(birth, gender, sequence);
        for (int bump = 1; !used.add(id); bump++) {
            id = idNumber(birth, gender, sequence + bump * 7919);
        }
        Building building = buildings.isEmpty() ? null : buildings.get(random.nextInt(buildings.size()));
        // backbones are those the groups' core teams hold (DemoGroups marks them); some hold a grid role
        boolean active = random.nextInt(100) < 15;
        Set<GridRole> gridRoles = EnumSet.noneOf(GridRole.class);
        if (active) {
            gridRoles.add(GridRole.values()[random.nextInt(GridRole.values().length)]);
        }
        LocalDate joined = member ? birth.plusYears(14 + random.nextInt(Math.max(1, Math.min(age - 14, 6)) + 1)) : null;
        if (joined != null && joined.isAfter(today)) {
            joined = today.minusDays(30);
        }
        String post = member && index < 5 ? new String[] {"SECRETARY", "DEPUTY_SECRETARY", "ORGANIZATION_COMMITTEE",
                "PUBLICITY_COMMITTEE", "GROUP_LEADER"}[index] : null;
        List<String> tags = random.nextInt(100) < 20
                ? List.of(new String[] {"SLASH_YOUTH", "EXPERT", "PHOTOGRAPHY", "DANCE", "IT"}[random.nextInt(5)]) : List.of();
        PersonDraft draft = new PersonDraft(
                SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)], gender, birth, id,
                mobile(random), member ? Ledger.LEAGUE_MEMBER : Ledger.YOUTH, member ? "LEAGUE_MEMBER" : "MASSES",
                branch.getId(), building == null ? null : building.getCompoundId(), building == null ? null : building.getId(),
                WORKPLACES[random.nextInt(WORKPLACES.length)], new String[] {"SENIOR", "VOCATIONAL", "JUNIOR_COLLEGE", "BACHELOR", "MASTER"}[random.nextInt(5)],
                new String[] {"ORG_NOMINATION", "COMMUNITY_POOL", "SELF_APPLICATION", "UNIVERSITY"}[random.nextInt(4)],
                tags, null, false, gridRoles, random.nextInt(100) < 92 ? "01" : "03", joined,
                joined != null && joined.getYear() >= 2017 ? joined.getYear() + String.format(Locale.ROOT, "%08d", sequence) : null,
                post, active ? today.minusMonths(1 + random.nextInt(30)) : null, PersonStatus.ACTIVE, null);
        return new Person(draft, seal(id), clock.instant());
    }

    private Person named(String name, String id, Ledger ledger, Organization branch, LocalDate today) {
        IdNumber number = IdNumber.of(id);
        PersonDraft draft = new PersonDraft(name, null, null, id, "13800138000", ledger,
                ledger == Ledger.LEAGUE_MEMBER ? "LEAGUE_MEMBER" : "MASSES", branch.getId(), null, null, null, "BACHELOR",
                "SELF_APPLICATION", List.of(), null, false, Set.of(), ledger == Ledger.YOUTH ? "05" : "01",
                ledger == Ledger.LEAGUE_MEMBER ? number.birthDate().plusYears(15) : null, null, null, null, PersonStatus.ACTIVE, null);
        return new Person(draft, seal(id), clock.instant());
    }

    private Person.SealedIdNumber seal(String id) {
        IdNumber number = IdNumber.of(id);
        return new Person.SealedIdNumber(personalData.encrypt(number.value()), personalData.blindIndex(number), number.masked());
    }

    /** A valid identity number of the demo region for this birth date, gender and running number. */
    static String idNumber(LocalDate birth, Gender gender, int sequence) {
        int order = (sequence % 499) * 2 + (gender == Gender.MALE ? 1 : 0);
        String body = REGION + String.format(Locale.ROOT, "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format(Locale.ROOT, "%03d", order % 1000);
        return body + IdNumber.checkCharacter(body);
    }

    private static String mobile(Random random) {
        return new String[] {"138", "139", "150", "151", "158", "181", "189", "199"}[random.nextInt(8)]
                + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
    }
}
