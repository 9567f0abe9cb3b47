package id.lindung.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of every change. Modules call {@link #record} in the same transaction as the
 * change, so a change without its audit entry cannot be committed.
 */
@Service
public class AuditLog {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CurrentActor currentActor;

    private final org.springframework.jdbc.core.JdbcTemplate jdbcTemplate;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, JsonMapper json, CurrentActor currentActor,
             Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
        this.currentActor = currentActor;
    }

    /**
     * @param action      CREATE, UPDATE, DELETE, or a domain verb such as IMPORT or REVERSE
     * @param entityType  what changed, e.g. "user", "potential_workforce"
     * @param regionCode  the region the change belongs to, for filtering (null for national records)
     * @param before      the state before (null for a creation); serialised to JSON
     * @param after       the state after (null for a deletion); serialised to JSON
     */
    public void record(String action, String entityType, String entityId, String regionCode, Object before, Object after) {
        Actor actor = currentActor.find().orElse(Actor.system("unknown"));
        jdbc.sql("""
                insert into audit_event (occurred_at, username, role, address, action, entity_type, entity_id, region_code,
                                         before_state, after_state)
                values (:at, :username, :role, :address, :action, :entityType, :entityId, :regionCode, cast(:before as jsonb),
                        cast(:after as jsonb))
                """)
                .param("at", Timestamp.from(clock.instant()))
                .param("username", actor.username())
                .param("role", actor.role() == null ? null : actor.role().name())
                .param("address", actor.address())
                .param("action", action)
                .param("entityType", entityType)
                .param("entityId", entityId)
                .param("regionCode", regionCode)
                .param("before", toJson(before))
                .param("after", toJson(after))
                .update();
    }

    /**
     * A download that lists people (names or NIKs) was handed out: who, what, with which filter and how many rows. Not a
     * change, but UU 27/2022 asks a controller to account for every disclosure of personal data, and a bulk list is the
     * disclosure that matters most (docs/security.md, "Exports"). The filter is stored as given and masked on reading
     * like every entry ({@link AuditTrail}).
     *
     * @param entityType what was exported, e.g. "worker_list", "bill"
     * @param entityId   which one (a bill id, a region and date), or the region for a filtered list
     * @param regionCode the region whose people the list holds, so that its auditors find the entry
     * @param details    format, filter and row count; serialised to JSON as the entry's after-state
     */
    public void exported(String entityType, String entityId, String regionCode, Map<String, ?> details) {
        if (headRequest()) {
            // a HEAD request is answered without its body: nothing was handed out (review of 6 December 2026)
            return;
        }
        record("EXPORT", entityType, entityId, regionCode, null, details);
    }

    private static boolean headRequest() {
        return org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                && "HEAD".equals(attributes.getRequest().getMethod());
    }

    /** One change among many, for {@link #recordAll}. */
    public record Change(String entityId, String regionCode, Object before, Object after) {}

    /** Records many changes of one kind in one batch (imports): same rules as {@link #record}. */
    public void recordAll(String action, String entityType, java.util.List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Actor actor = currentActor.find().orElse(Actor.system("unknown"));
        String role = actor.role() == null ? null : actor.role().name();
        java.util.List<Object[]> rows = new java.util.ArrayList<>(changes.size());
        Timestamp at = Timestamp.from(clock.instant());
        for (Change c : changes) {
            rows.add(new Object[] {at, actor.username(), role, actor.address(), action, entityType, c.entityId(),
                    c.regionCode(), toJson(c.before()), toJson(c.after())});
        }
        jdbcTemplate.batchUpdate("""
                insert into audit_event (occurred_at, username, role, address, action, entity_type, entity_id, region_code,
                                         before_state, after_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""", rows);
    }

    private String toJson(Object state) {
        if (state == null) {
            return null;
        }
        if (state instanceof String s) {
            return json.writeValueAsString(Map.of("value", s));
        }
        return json.writeValueAsString(state);
    }
}
