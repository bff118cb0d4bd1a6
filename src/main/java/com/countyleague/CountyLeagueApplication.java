package com.countyleague;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CountyLeagueApplication {

    public static void main(String[] args) {
        SpringApplication.run(CountyLeagueApplication.class, args);
    }
}
