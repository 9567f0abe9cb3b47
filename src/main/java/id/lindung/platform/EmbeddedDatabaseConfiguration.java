package id.lindung.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Uses the embedded PostgreSQL unless {@code spring.datasource.url} points at an external one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(
            @Value("${lindung.data-dir}") String dataDir,
            @Value("${lindung.db-port}") int port,
            @Value("${lindung.db-durable:true}") boolean durable,
            @Value("${lindung.db-clean:false}") boolean clean) {
        return EmbeddedPostgresServer.open(Path.of(dataDir), port, durable, clean);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgresServer server, @Value("${lindung.db-pool-size:10}") int poolSize) {
        // started on first use, after BusinessClock has set the session time zone of its connections
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(server.jdbcUrl());
        pool.setUsername(server.username());
        pool.setPassword(server.password());
        pool.setMaximumPoolSize(poolSize);
        pool.setPoolName("lindung");
        return pool;
    }
}
