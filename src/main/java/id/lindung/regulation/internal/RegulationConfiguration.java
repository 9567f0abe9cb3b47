package id.lindung.regulation.internal;

import id.lindung.regulation.RegulationCatalog;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog as a bean: bundled files plus the operator's folder. Invalid data fails the start-up with
 * the file, parameter and date of every problem.
 */
@Configuration(proxyBeanMethods = false)
class RegulationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegulationConfiguration.class);

    @Bean
    RegulationCatalog regulationCatalog(@Value("${lindung.regulations-dir:${lindung.data-dir:./data}/regulations}") Path dir) {
        RegulationCatalog catalog = RegulationCatalog.load(dir);
        log.info("Regulation catalog {}: {} parameters from {} files (extra folder {})", catalog.version(),
                catalog.parameters().size(), catalog.files().size(), dir.toAbsolutePath());
        return catalog;
    }
}
