package id.lindung.platform;

import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * PostgreSQL's just-in-time compilation, off for Lindung's sessions by default ({@code lindung.db.jit}, environment
 * {@code LINDUNG_DB_JIT}: {@code off}, {@code on}, or {@code server} to leave the server's setting).
 *
 * <p>The embedded PostgreSQL is built without LLVM, so this changes nothing there. An external server usually has it
 * (Debian's, the cloud services'), with {@code jit = on}: any statement whose estimated cost passes
 * {@code jit_above_cost} is compiled first, and past {@code jit_optimize_above_cost} optimised too. Lindung's batch
 * statements (rollups, billing, imports) are planned at costs in the millions whatever their rows, so on PostgreSQL 15
 * a rollup step over no rows took 1.7–2.8 s, all of it compiling, and on a 110,000-worker register JIT slowed what it
 * touched more than it sped up (docs/decisions/0011-jit-off.md).
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseJit {

    static final String PROPERTY = "lindung.db.jit";

    @Bean
    static BeanPostProcessor databaseSessionJit(Environment env) {
        return sessionSql(env.getProperty(PROPERTY, "off")).map(PooledSessions::startWith)
                .orElseGet(() -> new BeanPostProcessor() { });
    }

    /** The statement that sets a session's JIT for {@code setting}; none for {@code server}. */
    static java.util.Optional<String> sessionSql(String setting) {
        return switch (setting.trim().toLowerCase(Locale.ROOT)) {
            case "off", "false" -> java.util.Optional.of("set jit = off");
            case "on", "true" -> java.util.Optional.of("set jit = on");
            case "server" -> java.util.Optional.empty();
            default -> throw new IllegalStateException(PROPERTY + " must be off, on or server, got '" + setting.trim() + "'");
        };
    }
}
