package id.lindung.region;

import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loading a newer official region list later, without losing references (CLI {@code regions import}). */
@Service
public class RegionLists {

    private final DataSource dataSource;
    private final AuditLog audit;
    private final CurrentActor actor;
    private final ApplicationEventPublisher events;

    RegionLists(DataSource dataSource, AuditLog audit, CurrentActor actor, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.actor = actor;
        this.events = events;
    }

    public record Result(String version, int provinces, int regencies, int districts, int villages, int retired) {}

    /**
     * Loads the list in {@code dir} (or the bundled one when null), all or nothing, and tells the modules that keep
     * something per region ({@link RegionListImported}, in the same transaction).
     */
    @Transactional
    public Result load(Path dir, String version) {
        if (dir != null && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Not a folder: " + dir);
        }
        String name = version != null ? version : dir == null ? RegionListLoader.BUNDLED_VERSION : dir.getFileName().toString();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        var r = RegionListLoader.load(connection,
                dir == null ? RegionListLoader.Source.bundled() : RegionListLoader.Source.folder(dir), name,
                dir == null ? RegionListLoader.BUNDLED_SOURCE : dir.toAbsolutePath().toString(),
                actor.find().map(a -> a.username()).orElse("system"));
        audit.record("IMPORT", "region_list", name, null, null, Map.of("provinces", r.provinces(), "regencies", r.regencies(),
                "districts", r.districts(), "villages", r.villages(), "retired", r.retired()));
        events.publishEvent(new RegionListImported(r.version(), r.provinces(), r.regencies(), r.districts(), r.villages(),
                r.retired()));
        return new Result(r.version(), r.provinces(), r.regencies(), r.districts(), r.villages(), r.retired());
    }
}
