package com.countyleague.recruitment;

import com.countyleague.member.SealedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applications keep the applicant's identity number sealed like the ledgers: a key rotation seals them again. */
@Configuration(proxyBeanMethods = false)
class ApplicantIdNumbers {

    @Bean
    SealedColumn applicationIdNumbers() {
        return new SealedColumn("application", "id_number_cipher");
    }
}
