package id.lindung.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A command's context imports only the auto-configurations a command uses (issue 11 item 14). */
class SpringContextsTests {

    @Test
    void aCommandsContextHasTheDatabaseFlywayAndJacksonButNoWebSecurityOrActuator() {
        LindungCommandLine.application = id.lindung.LindungApplication.class;
        List<String> names = SpringContexts.withContext(ctx -> List.of(ctx.getBeanDefinitionNames()));
        assertThat(names).contains("org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
                "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration");
        assertThat(names).noneMatch(n -> n.contains(".actuate.") || n.contains(".webmvc.") || n.contains(".security.autoconfigure.")
                || n.contains("springdoc") || n.contains(".thymeleaf.") || n.contains(".modulith.") || n.contains(".micrometer."));
    }

    @Test
    void everyOtherAutoConfigurationOnTheClassPathIsExcluded() {
        List<String> excluded = List.of(SpringContexts.excludedAutoConfigurations().split(","));
        assertThat(excluded).hasSizeGreaterThan(100).doesNotContainAnyElementsOf(SpringContexts.AUTO_CONFIGURATIONS)
                .contains("org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration");
    }
}
