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
