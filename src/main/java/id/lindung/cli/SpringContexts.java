package id.lindung.cli;

import java.util.function.Function;
import org.springframework.boot.Banner;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a CLI command inside a Spring context without the web server, against the same database as the
 * server (attaching to it when the server is running). Console logging is off so that stdout carries
 * only the command's answer.
 *
 * <p>Beans are created lazily: a command uses a handful of services, and creating every bean of the
 * application (metrics, health indicators, the security filter chain, the catalogs of other modules) made each
 * command pay for what only the server needs. Flyway's migration and validation still run at start, so a
 * command never works on a schema older or newer than its code; start-up listeners still run when they fire.
 */
final class SpringContexts {

    private SpringContexts() {}

    static <T> T withContext(Function<ConfigurableApplicationContext, T> work) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LindungCommandLine.application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .profiles("cli")
                .lazyInitialization(true)
                .initializers(context -> context.getBeanFactory().registerSingleton("cliEagerFlyway",
                        LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class)))
                .properties("logging.threshold.console=OFF")
                .run()) {
            return work.apply(ctx);
        }
    }
}
