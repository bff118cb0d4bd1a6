package com.countyleague;

import java.util.Arrays;
import java.util.List;

import com.countyleague.books.BooksCommand;
import com.countyleague.points.PointsBook;
import com.countyleague.volunteer.ServiceTimeBook;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * County League. Consequences between modules run after commit on their own threads; nightly work runs on a schedule.
 * {@code verify-books} as the first argument verifies the tamper-evident books instead of starting the application.
 */
@SpringBootApplication
@EnableAsync
@EnableScheduling
public class CountyLeagueApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "verify-books".equals(args[0])) {
            System.exit(BooksCommand.run(Arrays.copyOfRange(args, 1, args.length), List.of(PointsBook.BOOK, ServiceTimeBook.BOOK)));
        }
        SpringApplication.run(CountyLeagueApplication.class, args);
    }
}
