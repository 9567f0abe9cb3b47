package id.lindung.registry;

import id.lindung.access.AuditLog;
import id.lindung.region.RegionListImported;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a government payer for every active desa (APBDES), regency, city and province (APBD), named after its
 * region. V47 made them for the bundled list; a later list brings its new areas and new names here, in the
 * loading transaction, so a region never exists without its payer. The region module does not know the registry:
 * it only announces the load.
 */
@Component
class GovernmentPayers {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(GovernmentPayers.class);

    record Synced(long added, long renamed) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;

    GovernmentPayers(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @EventListener
    void regionListImported(RegionListImported event) {
        long start = System.nanoTime();
        Synced synced = sync();
        log.info("Region list {}: {} government payers added, {} renamed in {} ms", event.version(), synced.added(),
                synced.renamed(), (System.nanoTime() - start) / 1_000_000);
        if (synced.added() + synced.renamed() > 0) {
            audit.record("SYNC", "payer", "government", null, null,
                    Map.of("regionList", event.version(), "added", synced.added(), "renamed", synced.renamed()));
        }
    }

    /** One set-based statement (V47's {@code sync_government_payers}); idempotent. */
    Synced sync() {
        return jdbc.sql("select added, renamed from sync_government_payers()")
                .query((rs, n) -> new Synced(rs.getLong(1), rs.getLong(2))).single();
    }
}
