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
 *
 * <p>Only the auto-configurations a command uses are imported ({@link #AUTO_CONFIGURATIONS}: the data source,
 * Flyway, JDBC, transactions, Jackson, messages): parsing and evaluating the other ~125 (web server, MVC, security,
 * actuator, metrics, API docs, templates) was the largest share of a database command's start (docs/benchmarks.md,
 * "Command line"), although with no web server none of them would have created a bean a command uses.
 */
final class SpringContexts {

    private SpringContexts() {}

    /** The auto-configurations of a command's context; every other one is excluded. */
    static final java.util.Set<String> AUTO_CONFIGURATIONS = java.util.Set.of(
            "org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration",
            "org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration",
            "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration",
            "org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration",
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
            "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    /** Every auto-configuration on the class path that a command does not use, as {@code spring.autoconfigure.exclude}. */
    static String excludedAutoConfigurations() {
        return String.join(",", org.springframework.boot.context.annotation.ImportCandidates
                .load(org.springframework.boot.autoconfigure.AutoConfiguration.class, SpringContexts.class.getClassLoader())
                .getCandidates().stream().filter(c -> !AUTO_CONFIGURATIONS.contains(c)).toList());
    }

    static <T> T withContext(Function<ConfigurableApplicationContext, T> work) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LindungCommandLine.application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .profiles("cli")
                .lazyInitialization(true)
                .initializers(context -> context.getBeanFactory().registerSingleton("cliEagerFlyway",
                        LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class)))
                .properties("logging.threshold.console=OFF", "spring.autoconfigure.exclude=" + excludedAutoConfigurations())
                .run()) {
            return work.apply(ctx);
        }
    }
}
