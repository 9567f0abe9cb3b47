package id.lindung.cli;

import java.util.function.Function;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs a CLI command inside a Spring context without the web server, against the same database as the
 * server (attaching to it when the server is running). Console logging is off so that stdout carries
 * only the command's answer.
 */
final class SpringContexts {

    private SpringContexts() {}

    static <T> T withContext(Function<ConfigurableApplicationContext, T> work) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(LindungCommandLine.application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .profiles("cli")
                .properties("logging.threshold.console=OFF")
                .run()) {
            return work.apply(ctx);
        }
    }
}
