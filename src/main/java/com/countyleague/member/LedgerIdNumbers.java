package com.countyleague.member;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where the ledgers keep identity numbers sealed: a key rotation seals them again. */
@Configuration(proxyBeanMethods = false)
class LedgerIdNumbers {

    @Bean
    SealedColumn personIdNumbers() {
        return new SealedColumn("person", "id_number_cipher");
    }
}
