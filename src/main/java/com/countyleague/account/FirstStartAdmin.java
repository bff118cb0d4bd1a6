package com.countyleague.account;

import java.security.SecureRandom;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On an empty database the first start creates {@code admin}, a county admin, with the password
 * from {@code LEAGUE_ADMIN_PASSWORD} or a random one printed once; it must be changed at first sign-in.
 */
@Component
@Profile("!demo")
class FirstStartAdmin implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstStartAdmin.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final String configuredPassword;

    FirstStartAdmin(AccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock,
                    @Value("${league.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.configuredPassword = configuredPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.count() > 0) {
            return;
        }
        boolean configured = !configuredPassword.isBlank();
        if (configured && !PasswordPolicy.isStrong(configuredPassword)) {
            throw new IllegalStateException("LEAGUE_ADMIN_PASSWORD must have at least " + PasswordPolicy.MIN_LENGTH
                    + " characters with letters, digits and a symbol");
        }
        String password = configured ? configuredPassword : PasswordPolicy.generate(new SecureRandom());
        accounts.save(new Account(USERNAME, "系统管理员", Role.COUNTY_ADMIN, null, passwordEncoder.encode(password), true,
                clock.instant()));
        if (configured) {
            log.warn("Created the initial county admin '{}' with the password from LEAGUE_ADMIN_PASSWORD; it must be changed at first sign-in.", USERNAME);
        } else {
            log.warn("Created the initial county admin '{}' with the one-time password: {}  (shown only now; it must be changed at first sign-in)",
                    USERNAME, password);
        }
    }
}
