package com.countyleague.account;

import java.time.Clock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The four demo accounts, only under the {@code demo} profile, all with the password {@value #PASSWORD}.
 * Runs after the demo organisations exist; does nothing when the accounts are already there.
 */
@Component
@Profile("demo")
@Order(DemoAccounts.ORDER)
class DemoAccounts implements ApplicationRunner {

    static final int ORDER = 200;
    static final String PASSWORD = "Demo@2026";
    /** Demo organisation codes, as the organisation module's demo seeder creates them. */
    static final String DEMO_BRANCH = "DC-LH-01";
    /** The building group (团小组) of 翠湖花园 1号楼, which the demo group leader leads. */
    static final String DEMO_BUILDING_GROUP = "DC-LH-01-01";

    private final AccountRepository accounts;
    private final OrganizationDirectory organizations;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoAccounts(AccountRepository accounts, OrganizationDirectory organizations, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.organizations = organizations;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long branch = organizations.findByCode(DEMO_BRANCH)
                .orElseThrow(() -> new IllegalStateException("The demo organisations are missing: " + DEMO_BRANCH))
                .id();
        create("admin", "县团委管理员", Role.COUNTY_ADMIN, null);
        create("secretary", "李书记", Role.BRANCH_SECRETARY, branch);
        long buildingGroup = organizations.findByCode(DEMO_BUILDING_GROUP).map(OrganizationDirectory.OrganizationRef::id).orElse(branch);
        create("leader", "王组长", Role.GROUP_LEADER, buildingGroup);
        create("member", "张团员", Role.MEMBER, branch);
    }

    private void create(String username, String displayName, Role role, Long organizationId) {
        if (!accounts.existsByUsernameIgnoreCase(username)) {
            accounts.save(new Account(username, displayName, role, organizationId, passwordEncoder.encode(PASSWORD),
                    false, clock.instant()));
        }
    }
}
