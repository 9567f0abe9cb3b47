package id.lindung.access;

import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API token cache and, in the web server only, the listener that keeps it honest. Without the listener (the
 * command line, or {@code lindung.tokens.cache-seconds=0}) the cache stays off and every request reads the database.
 */
@Configuration(proxyBeanMethods = false)
class ApiTokenCacheConfiguration {

    @Bean
    ApiTokenCache apiTokenCache(@Value("${lindung.tokens.cache-seconds:5}") int seconds) {
        return new ApiTokenCache(id.lindung.platform.BusinessClock.wall(), System::nanoTime,
                Duration.ofSeconds(Math.max(0, seconds)).toNanos(), 10_000);
    }

    @Bean
    @ConditionalOnWebApplication
    ApiTokenChanges apiTokenChanges(DataSource dataSource, ApiTokenCache cache,
                                    @Value("${lindung.tokens.cache-seconds:5}") int seconds) {
        return new ApiTokenChanges(dataSource, cache, seconds > 0);
    }
}
