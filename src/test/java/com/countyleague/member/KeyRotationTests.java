package com.countyleague.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.countyleague.IntegrationTest;
import com.countyleague.TestFixtures;
import com.countyleague.account.Role;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Rotating the identity-number key while the application serves: new numbers take the new key at
 * once, stored ones are sealed again in batches, every number reads back and is still found by its
 * blind index, and instances that learn of a key late lose nothing.
 */
@IntegrationTest
class KeyRotationTests {

    private static final String KEY_OF = "(case get_byte(id_number_cipher, 0) when 1 then 1 else get_byte(id_number_cipher, 1) end)";

    @Autowired
    DataKeys keys;

    @Autowired
    IdentityNumbers identity;

    @Autowired
    People people;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void aRotatedKeySealsNewNumbersAtOnceAndTheStoredOnesAgainWhileTheApplicationServes() throws Exception {
        long branch = fixtures.branch("轮换密钥支部").id();
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, branch);
        int before = fixtures.as("admin", () -> keys.keys().stream().filter(DataKeys.Key::current).findFirst().orElseThrow().id());

        int id = fixtures.as("admin", keys::rotate);
        assertThat(id).isGreaterThan(before);
        keys.load();
        long fresh = fixtures.youth(branch, "新密钥");
        assertThat(keyOf(fresh)).as("a number written after the rotation").isEqualTo(id);

        // sealing again while members are added and numbers revealed
        AtomicBoolean sealing = new AtomicBoolean(true);
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        List<Future<Integer>> work = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            int clerk = c;
            work.add(clerks.submit(() -> {
                int done = 0;
                while (sealing.get() || done < 3) {
                    long person = fixtures.youth(branch, clerk == 0 ? "轮换甲" : "轮换乙");
                    fixtures.as(secretary, () -> people.reveal(person));
                    done++;
                }
                return done;
            }));
        }
        keys.reseal();
        sealing.set(false);
        for (Future<Integer> clerk : work) {
            assertThat(clerk.get()).isPositive();
        }
        clerks.shutdown();
        assertThat(jdbc.sql("select count(*) from person where " + KEY_OF + " <> ?").param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from application where " + KEY_OF + " <> ?").param(id).query(Long.class).single()).isZero();
        // every number reads back with the new key and is found by its blind index as before
        jdbc.sql("select id, id_number_cipher, id_number_hash from person").query(rs -> {
            assertThat(identity.hashOf(identity.open(rs.getBytes(2)))).isEqualTo(rs.getString(3));
        });
        long someone = jdbc.sql("select min(id) from person").query(Long.class).single();
        String number = fixtures.as("admin", () -> people.reveal(someone));
        assertThat(fixtures.as("admin", () -> people.findByIdNumber(number))).contains(someone);
    }

    @Test
    void anInstanceThatHasNotHeardOfTheNewKeyLosesNothing() throws Exception {
        long branch = fixtures.branch("迟到实例支部").id();
        long person = fixtures.youth(branch, "迟到");
        String number = fixtures.as("admin", () -> people.reveal(person));

        // another instance rotates: its key lands in the database, this one has not loaded it yet
        PersonalData elsewhere = new PersonalData(LargeCountyGenerator.DEMO_KEY);
        int next = jdbc.sql("select coalesce(max(id), 1) + 1 from data_key").query(Integer.class).single();
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        jdbc.sql("insert into data_key (id, wrapped, created_at, created_by) values (?, ?, now(), 'elsewhere')")
                .params(next, elsewhere.wrap(next, key)).update();
        elsewhere.use(java.util.Map.of(next, key), next, () -> { });
        jdbc.sql("update person set id_number_cipher = ? where id = ?").params(elsewhere.encrypt(number), person).update();
        // this instance meets the number sealed with the key it did not know, and reads it
        assertThat(fixtures.as("admin", () -> people.reveal(person))).isEqualTo(number);

        // and a lagging instance seals with the first key after the rotation: the next pass takes it over
        jdbc.sql("update person set id_number_cipher = ? where id = ?").params(new PersonalData(LargeCountyGenerator.DEMO_KEY)
                .encrypt(number), person).update();
        assertThat(keyOf(person)).isEqualTo(1);
        keys.reseal();
        assertThat(keyOf(person)).isEqualTo(next);
        assertThat(fixtures.as("admin", () -> people.reveal(person))).isEqualTo(number);
    }

    @Test
    void theCountyAdminRotatesFromThePageGivingAReason() throws Exception {
        String page = mvc.perform(get("/admin/keys").with(fixtures.signedIn("admin"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"data-keys\"", "首个密钥");
        long keysBefore = jdbc.sql("select count(*) from data_key").query(Long.class).single();
        mvc.perform(post("/admin/keys/rotate").with(fixtures.signedIn("admin")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from data_key").query(Long.class).single()).as("no reason, no rotation").isEqualTo(keysBefore);
        mvc.perform(post("/admin/keys/rotate").param("reason", "年度轮换").with(fixtures.signedIn("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/keys"));
        assertThat(jdbc.sql("select count(*) from data_key").query(Long.class).single()).isEqualTo(keysBefore + 1);
        String secretary = fixtures.readyAccount(Role.BRANCH_SECRETARY, fixtures.branch("无权轮换支部").id());
        mvc.perform(post("/admin/keys/rotate").param("reason", "试试").with(fixtures.signedIn(secretary)).with(csrf()))
                .andExpect(status().isForbidden());
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "select count(*) from person where " + KEY_OF + " <> (select max(id) from data_key)").query(Long.class).single() == 0);
    }

    private int keyOf(long person) {
        return jdbc.sql("select " + KEY_OF + " from person where id = ?").param(person).query(Integer.class).single();
    }
}
