package com.countyleague.volunteer;

import java.util.List;

import com.countyleague.books.ChainedBook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service-time entries as a tamper-evident book: its canonical form is {@code service_time_entry_canonical} (V36). */
@Configuration(proxyBeanMethods = false)
public class ServiceTimeBook {

    public static final ChainedBook BOOK = new ChainedBook("service-time", "service_time_entry", "recorded_at",
            List.of("id", "person_id", "seq", "kind", "minutes", "source", "ref_id", "what", "idempotency_key", "recorded_at"),
            List.of("service_time_entry_chain", "service_time_entry_append_only", "service_time_entry_no_truncate"));

    @Bean
    ChainedBook serviceTimeChain() {
        return BOOK;
    }
}
