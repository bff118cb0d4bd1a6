package com.countyleague.points;

import java.util.List;

import com.countyleague.books.ChainedBook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The points ledger as a tamper-evident book: its canonical form is {@code points_entry_canonical} (V36). */
@Configuration(proxyBeanMethods = false)
public class PointsBook {

    public static final ChainedBook BOOK = new ChainedBook("points", "points_entry", "created_at",
            List.of("id", "person_id", "seq", "kind", "amount", "balance_after", "reason", "ref_type", "ref_id", "rule_id", "action_day",
                    "organization_id", "idempotency_key", "author", "created_at"),
            List.of("points_entry_chain", "points_entry_append_only", "points_entry_no_truncate"));

    @Bean
    ChainedBook pointsChain() {
        return BOOK;
    }
}
