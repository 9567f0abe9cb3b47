package id.lindung.support;

import id.lindung.LindungApplication;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application on a database of its own in one of two shapes of the same schema: {@link #PLAIN}, the migrations as
 * they are, or {@link #PARTITIONED}, the same migrations followed by the Flyway callback
 * {@code db/partitioned/afterMigrate__partition_by_province.sql}, which partitions the largest worker-level tables by
 * province (docs/scaling.md). Each start gets a fresh embedded PostgreSQL under {@code target/}, even where the other
 * tests use an external one, so the two shapes start from the same empty state and nothing else writes to them.
 */
public enum SchemaShape {

    PLAIN("classpath:db/migration"),
    PARTITIONED("classpath:db/migration,classpath:db/partitioned");

    private final String locations;

    SchemaShape(String locations) {
        this.locations = locations;
    }

    /** Starts the whole application (web server on a random port) on a new database of this shape. */
    public ConfigurableApplicationContext start(String name) {
        Path dir = Path.of("target", "test-data-shape-" + name + "-" + name().toLowerCase(java.util.Locale.ROOT));
        // command-line arguments: they win over the system properties surefire sets for the shared test database
        return new SpringApplicationBuilder(LindungApplication.class).run(
                "--lindung.data-dir=" + dir.toAbsolutePath(),
                "--lindung.db-port=0",
                "--lindung.db-durable=false",
                "--lindung.db-clean=true",
                "--lindung.demo=false",
                "--spring.datasource.url=",
                "--server.port=0",
                "--spring.flyway.locations=" + locations,
                "--logging.file.name=" + dir.resolve("lindung.log").toAbsolutePath());
    }
}
