package com.countyleague;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on real PostgreSQL with the demo county, driven through MockMvc (all filters,
 * security and sessions included). Every such test shares one context and one database, so tests
 * create their own organisations and accounts with unique codes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
@Import({TestDatabaseConfiguration.class, TestClockConfiguration.class, TestFixtures.class})
public @interface IntegrationTest {
}
