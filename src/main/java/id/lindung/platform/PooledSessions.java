package id.lindung.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/** Settings every pooled database session starts with, added to the pool's connection-init statement before it starts. */
final class PooledSessions {

    private PooledSessions() {
    }

    /** A post-processor that appends {@code sql} to the init statement of each connection pool not yet running. */
    static BeanPostProcessor startWith(String sql) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && !pool.isRunning()) {
                    String existing = pool.getConnectionInitSql();
                    pool.setConnectionInitSql(existing == null || existing.isBlank() ? sql : existing + "; " + sql);
                }
                return bean;
            }
        };
    }
}
