package id.lindung.access;

import id.lindung.platform.InvalidInputException;
import id.lindung.platform.Page;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Reading the audit trail: AUDITOR and ADMIN only, and only events in their scope. */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final java.time.Clock clock;
    private final RegionDirectory regions;

    AuditTrail(JdbcClient jdbc, java.time.Clock clock, RegionDirectory regions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.regions = regions;
    }

    public record Event(long id, OffsetDateTime occurredAt, String username, String role, String address, String action,
                        String entityType, String entityId, String regionCode, String before, String after) {}

    /** The days a trail's period may name. */
    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    public record Filter(String region, String username, LocalDate from, LocalDate to, String entityType) {
        /** A period that ends before it starts is refused (400 PERIOD_INVALID), as coverage's is, not answered with nothing. */
        public Filter {
            // a day past what a timestamp holds: to=+999999999-12-31 overflowed the day after it (500), from= of that
            // year reached PostgreSQL (a field-less 400); both are OUT_OF_RANGE on their field, as a claim's dates are
            java.util.List<id.lindung.platform.InputProblem> outOfRange = new java.util.ArrayList<>();
            for (var day : new Object[][] {{"from", from}, {"to", to}}) {
                String field = (String) day[0];
                if (day[1] instanceof LocalDate d && (d.isBefore(FIRST_DAY) || d.isAfter(LAST_DAY))) {
                    outOfRange.add(id.lindung.platform.InputProblem.of(field, "OUT_OF_RANGE", field + " " + d
                            + " is outside " + FIRST_DAY + " to " + LAST_DAY));
                }
            }
            if (!outOfRange.isEmpty()) {
                throw new InvalidInputException(outOfRange);
            }
            if (from != null && to != null && from.isAfter(to)) {
                throw new id.lindung.platform.InvalidInputException("from", "PERIOD_INVALID", "to " + to + " is before from " + from);
            }
        }
    }

    /**
     * The newest {@code limit} events of an entity type whose region lies in {@code scope}, oldest first, for a module
     * that keeps a small record in the trail (the registry's transfer requests). Not role-gated: the caller shows only
     * what its own scope rules allow.
     */
    public java.util.List<Event> ofType(String entityType, RegionScope scope, int limit) {
        return jdbc.sql("""
                select * from (select * from audit_event where entity_type = :type and region_code >= :lo and region_code < :hi
                               order by id desc limit :limit) e order by id""")
                .param("type", entityType).param("lo", scope.lo()).param("hi", scope.hi()).param("limit", limit)
                .query(AuditTrail::map).list();
    }

    /**
     * The newest {@code limit} events that name a person, oldest first, for the export of a person's data (ADMIN, checked
     * by the caller): events whose entity is the NIK, whose stored states quote it, or which concern the worker's
     * membership terms and transfer requests (entity ids {@code <term id>}, {@code <worker id>:<village>}).
     */
    public java.util.List<Event> naming(String nik, long workerId, java.util.List<Long> termIds, int limit) {
        return jdbc.sql("""
                select * from (select * from audit_event
                               where entity_id = :nik or entity_id like :request
                                  or strpos(coalesce(before_state::text, ''), :nik) > 0 or strpos(coalesce(after_state::text, ''), :nik) > 0
                                  or (entity_type = 'membership_term' and entity_id = any(:terms))
                               order by id desc limit :limit) e order by id""")
                .param("nik", nik).param("request", workerId + ":%")
                .param("terms", termIds.stream().map(String::valueOf).toArray(String[]::new)).param("limit", limit)
                .query(AuditTrail::map).list();
    }

    private static Event map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Event(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("username"), rs.getString("role"), rs.getString("address"), rs.getString("action"),
                rs.getString("entity_type"), rs.getString("entity_id"), rs.getString("region_code"),
                rs.getString("before_state"), rs.getString("after_state"));
    }

    public Page<Event> find(Actor actor, Filter filter, int page, int size) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(actor, filter, params);
        int limit = Math.max(1, Math.min(size, 500));
        long total = jdbc.sql("select count(*) from audit_event" + where).paramSource(params).query(Long.class).single();
        var items = jdbc.sql("select * from audit_event" + where + " order by id desc limit :limit offset :offset")
                .paramSource(params.addValue("limit", limit).addValue("offset", Math.max(0, page) * limit))
                .query(AuditTrail::map).list();
        return new Page<>(shownTo(actor, items), Math.max(0, page), limit, total);
    }

    /** Most events one download holds: a longer trail is narrowed by region, user, type or dates first. */
    public static final int MAX_DOWNLOAD = 100_000;

    /**
     * Every event {@link #find} would page through, newest first, masked as on the page, for a download, in one
     * statement; more than {@link #MAX_DOWNLOAD} is the {@code TOO_MANY_ROWS} error on {@code from}.
     */
    public java.util.List<Event> all(Actor actor, Filter filter) {
        return all(actor, filter, MAX_DOWNLOAD);
    }

    java.util.List<Event> all(Actor actor, Filter filter, int max) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(actor, filter, params);
        var items = jdbc.sql("select * from audit_event" + where + " order by id desc limit :limit")
                .paramSource(params.addValue("limit", max + 1)).query(AuditTrail::map).list();
        if (items.size() > max) {
            throw new InvalidInputException("from", "TOO_MANY_ROWS", "the trail holds more than the " + max
                    + " events one download holds: choose dates, a region, a user or a type");
        }
        return shownTo(actor, items);
    }

    private static java.util.List<Event> shownTo(Actor actor, java.util.List<Event> items) {
        return PersonalData.seesFull(actor) ? items : items.stream().map(AuditTrail::masked).toList();
    }

    /** The trail's condition for the caller (AUDITOR and ADMIN only), its scope or a region inside it first. */
    private String where(Actor actor, Filter filter, MapSqlParameterSource params) {
        if (!actor.role().canReadAudit()) {
            throw new AccessDeniedException("The audit trail is for AUDITOR and ADMIN");
        }
        // a region outside the scope and one that does not exist are both 404, as on every other list (issue 12): the
        // trail was 403 for the one and an empty list for the other, which told an auditor which codes exist elsewhere
        RegionScope region = actor.scope().narrow(filter.region(), regions);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!region.isNational()) {
            // events of regions in scope, plus (for a national auditor only) events without a region
            where.append(" and region_code >= :lo and region_code < :hi");
            params.addValue("lo", region.lo()).addValue("hi", region.hi());
        }
        if (filter.username() != null && !filter.username().isBlank()) {
            where.append(" and username = :username");
            params.addValue("username", filter.username().trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (filter.entityType() != null && !filter.entityType().isBlank()) {
            where.append(" and entity_type = :entityType");
            params.addValue("entityType", filter.entityType().trim());
        }
        if (filter.from() != null) {
            where.append(" and occurred_at >= :from");
            params.addValue("from", filter.from().atStartOfDay(clock.getZone()).toOffsetDateTime());
        }
        if (filter.to() != null) {
            where.append(" and occurred_at < :to");
            params.addValue("to", filter.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
        }
        return where.toString();
    }

    /**
     * The event as a role that sees NIKs masked may read it ({@link PersonalData#maskText}): NIKs with only their first 6
     * and last 2 digits, birth dates as the year, no phone numbers or e-mail addresses. The stored event is unchanged.
     */
    static Event masked(Event e) {
        return new Event(e.id(), e.occurredAt(), e.username(), e.role(), e.address(), e.action(), e.entityType(),
                mask(e.entityId()), e.regionCode(), mask(e.before()), mask(e.after()));
    }

    static String mask(String text) {
        return PersonalData.maskText(text);
    }
}
