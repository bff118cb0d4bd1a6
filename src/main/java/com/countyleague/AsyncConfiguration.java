package com.countyleague;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Where the modules' event listeners run (the points bank paying a check-in, and the like): two
 * threads, the rest queued. Without it, the import's executor being a bean of its own made Spring
 * Boot leave out its pool and every event started a thread of its own, so a rush of check-ins set
 * hundreds of transactions competing with the check-ins for two cores and ten connections. A queued
 * event is still in the publication registry, so none is lost if the application stops meanwhile.
 */
@Configuration(proxyBeanMethods = false)
class AsyncConfiguration {

    /** Named so: {@code @Async} takes the executor of this name when there are several. */
    @Bean(name = "taskExecutor")
    ThreadPoolTaskExecutor eventExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setThreadNamePrefix("events-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }
}
