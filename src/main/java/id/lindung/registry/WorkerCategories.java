package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.TextRules;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Segment;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worker categories (table {@code worker_category}): the lookup every module uses instead of the table, and the
 * administrator's changes to them. Reads come from an in-memory copy, reloaded after every change made here and when a
 * code is asked for that the copy does not know (a category another process added). Only ADMIN changes categories;
 * every change is audited in its transaction. Codes are permanent: a category is retired ({@code active = false}),
 * never deleted.
 */
@Service
public class WorkerCategories {

    /** Parameter of the default wage of a new category's PU memberships when none is given. */
    static final String DEFAULT_WAGE_PARAMETER = "village.defaultWage.otherApparatus";
    static final String WAGE_PARAMETER_PREFIX = "village.defaultWage.";

    /**
     * A new category, or the changes to one: for a change, a null value keeps the current one.
     *
     * @param defaultSegment PU or BPU
     */
    public record Definition(String code, String nameId, String nameEn, Boolean villageApparatus, String defaultSegment,
                             String defaultWageParameter, List<Integer> opensidCodes, Boolean active, Integer sortOrder,
                             Boolean verified, String note, String noteId) {}

    /** Every category at one moment, in list order: what a batch of the import checks its rows against. */
    public record Snapshot(List<WorkerCategory> all) {

        public Snapshot {
            all = List.copyOf(all);
        }

        /** The category a text names ({@link WorkerCategory#codeOf}), active or not. */
        public Optional<WorkerCategory> find(String text) {
            String code = WorkerCategory.codeOf(text);
            return all.stream().filter(c -> c.code().equals(code)).findFirst();
        }

        /** The category the import maps OpenSID's pekerjaan {@code id} to; empty when none (not a target worker). */
        public Optional<WorkerCategory> byOpenSidCode(int id) {
            return all.stream().filter(c -> c.mapsOpenSid(id)).findFirst();
        }

        public List<WorkerCategory> active() {
            return all.stream().filter(WorkerCategory::active).toList();
        }

        /** The active codes, for messages that list what is accepted. */
        public String activeCodes() {
            return active().stream().map(WorkerCategory::code).collect(Collectors.joining(", "));
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final CurrentActor currentActor;
    private final RegulationCatalog regulations;
    private volatile Snapshot snapshot;

    WorkerCategories(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, CurrentActor currentActor,
                     RegulationCatalog regulations) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.currentActor = currentActor;
        this.regulations = regulations;
    }

    // ---------------------------------------------------------------- reads

    /** Every category as now stored. */
    public Snapshot snapshot() {
        Snapshot s = snapshot;
        return s != null ? s : reload();
    }

    /** Every category, retired ones included, in list order. */
    public List<WorkerCategory> all() {
        return snapshot().all();
    }

    /** The categories offered for new workers, in list order. */
    public List<WorkerCategory> active() {
        return snapshot().active();
    }

    /** The category a text names, active or not; empty when there is none. */
    /**
     * No category has the code asked for: the code echoed in quotes as typed, so a lower-case or several-word code is
     * one value in either language (docs/api-errors.md, "Language"), not pieces or nothing.
     */
    public static NotFoundException notFound(String code) {
        return new NotFoundException("Worker category '" + InputProblem.shown(code) + "' not found");
    }

    public Optional<WorkerCategory> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<WorkerCategory> found = snapshot().find(text);
        return found.isPresent() ? found : reload().find(text);
    }

    /** The category of a stored code (a worker row): always present, as codes are never deleted. */
    public WorkerCategory get(String code) {
        return find(code).orElseThrow(() -> new IllegalStateException("worker category " + code + " is not in worker_category"));
    }

    /**
     * The category a request names in {@code field}: null for none, else the category, or 400 INVALID_VALUE naming the
     * accepted codes (as the API answers any value that is not one of a list).
     */
    public WorkerCategory parse(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return find(text).orElseThrow(() -> new InvalidInputException(field, "INVALID_VALUE", field + " '" + text.trim()
                + "' is not valid; expected one of " + all().stream().map(WorkerCategory::code).collect(Collectors.joining(", "))));
    }

    private Snapshot reload() {
        Snapshot s = new Snapshot(jdbc.sql(SELECT + " order by sort_order, code").query(WorkerCategories::map).list());
        snapshot = s;
        return s;
    }

    // ---------------------------------------------------------------- changes

    /** Adds a category (ADMIN only). */
    public WorkerCategory create(Definition d) {
        requireAdmin();
        WorkerCategory created = tx.execute(status -> {
            lock();
            List<InputProblem> problems = new ArrayList<>();
            String code = d.code() == null ? "" : d.code().trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                problems.add(InputProblem.of("code", "REQUIRED", "code is required"));
            } else if (!WorkerCategory.CODE.matcher(code).matches()) {
                problems.add(InputProblem.of("code", "CODE_INVALID", "code '" + d.code().trim()
                        + "' must be 2 to 40 capital letters, digits or _, starting with a letter (e.g. GURU_NGAJI)"));
            }
            boolean apparatus = Boolean.TRUE.equals(d.villageApparatus());
            Segment segment = d.defaultSegment() == null || d.defaultSegment().isBlank()
                    ? (apparatus ? Segment.PU : Segment.BPU) : segment(d.defaultSegment(), problems);
            int order = d.sortOrder() != null ? d.sortOrder()
                    : jdbc.sql("select coalesce(max(sort_order), 0) + 10 from worker_category").query(Integer.class).single();
            WorkerCategory wanted = checked(code, d.nameId(), d.nameEn(), apparatus, segment,
                    d.defaultWageParameter() == null || d.defaultWageParameter().isBlank() ? DEFAULT_WAGE_PARAMETER
                            : d.defaultWageParameter().trim(),
                    d.opensidCodes(), d.active() == null || d.active(), order, Boolean.TRUE.equals(d.verified()), d.note(), d.noteId(), problems);
            if (jdbc.sql("select count(*) from worker_category where code = ?").param(code).query(Long.class).single() > 0) {
                throw InvalidInputException.conflict("code", "CATEGORY_EXISTS", "A worker category with code " + code
                        + " already exists; change it with PUT /api/v1/worker-categories/" + code);
            }
            opensidCodesFree(wanted, problems);
            jdbc.sql("""
                    insert into worker_category (code, name_id, name_en, village_apparatus, default_segment, default_wage_parameter,
                                                 opensid_codes, active, sort_order, verified, note, note_id)
                    values (:code, :nameId, :nameEn, :apparatus, :segment, :wage, cast(:opensid as integer[]), :active, :order, :verified,
                            :note, :noteId)""")
                    .paramSource(params(wanted)).update();
            audit.record("CREATE", "worker_category", wanted.code(), null, null, state(wanted));
            return wanted;
        });
        reload();
        return created;
    }

    /** Changes a category (ADMIN only); values left null keep theirs. The code never changes. */
    public WorkerCategory update(String code, Definition d) {
        requireAdmin();
        WorkerCategory updated = tx.execute(status -> {
            lock();
            WorkerCategory before = jdbc.sql(SELECT + " where code = ?").param(WorkerCategory.codeOf(code))
                    .query(WorkerCategories::map).optional()
                    .orElseThrow(() -> notFound(code));
            List<InputProblem> problems = new ArrayList<>();
            if (d.code() != null && !d.code().isBlank() && !WorkerCategory.codeOf(d.code()).equals(before.code())) {
                problems.add(InputProblem.of("code", "CODE_FIXED", "A category's code is permanent (workers and files carry it); "
                        + "add a new category and retire this one (active = false) instead"));
            }
            WorkerCategory wanted = checked(before.code(), or(d.nameId(), before.nameId()), or(d.nameEn(), before.nameEn()),
                    d.villageApparatus() != null ? d.villageApparatus() : before.villageApparatus(),
                    d.defaultSegment() == null || d.defaultSegment().isBlank() ? before.defaultSegment()
                            : segment(d.defaultSegment(), problems),
                    d.defaultWageParameter() == null || d.defaultWageParameter().isBlank() ? before.defaultWageParameter()
                            : d.defaultWageParameter().trim(),
                    d.opensidCodes() != null ? d.opensidCodes() : before.opensidCodes(),
                    d.active() != null ? d.active() : before.active(),
                    d.sortOrder() != null ? d.sortOrder() : before.sortOrder(),
                    d.verified() != null ? d.verified() : before.verified(),
                    d.note() != null ? d.note() : before.note(),
                    // a note changed without its Indonesian text loses the old one, which told of the old note
                    d.noteId() != null ? d.noteId() : d.note() == null || Objects.equals(TextRules.normalise(d.note(),
                            TextRules.Kind.TEXT), before.note()) ? before.noteId() : null, problems);
            opensidCodesFree(wanted, problems);
            if (wanted.equals(before)) {
                return before;
            }
            jdbc.sql("""
                    update worker_category set name_id = :nameId, name_en = :nameEn, village_apparatus = :apparatus,
                           default_segment = :segment, default_wage_parameter = :wage, opensid_codes = cast(:opensid as integer[]), active = :active,
                           sort_order = :order, verified = :verified, note = :note, note_id = :noteId, updated_at = now()
                    where code = :code""")
                    .paramSource(params(wanted)).update();
            audit.record("UPDATE", "worker_category", wanted.code(), null, state(before), state(wanted));
            return wanted;
        });
        reload();
        return updated;
    }

    // ---------------------------------------------------------------- checks

    /** The category, or 400 with every problem (those already found included). */
    /** The longest note a category may carry (its source, why it was added). */
    private static final int MAX_NOTE = 500;

    private WorkerCategory checked(String code, String nameId, String nameEn, boolean apparatus, Segment segment,
                                   String wageParameter, List<Integer> opensid, boolean active, int order, boolean verified,
                                   String note, String noteId, List<InputProblem> problems) {
        // free text by the one rule set (docs/api-errors.md, "Text"): stored normalised; a direction override or a
        // zero-width character in a name shown on every worker page and list was taken as typed
        nameId = TextRules.normalise(nameId, TextRules.Kind.LINE);
        nameEn = TextRules.normalise(nameEn, TextRules.Kind.LINE);
        note = TextRules.normalise(note, TextRules.Kind.TEXT);
        noteId = TextRules.normalise(noteId, TextRules.Kind.TEXT);
        TextRules.check("nameId", nameId, TextRules.Kind.LINE, WorkerCategory.MAX_NAME, true).ifPresent(problems::add);
        TextRules.check("nameEn", nameEn, TextRules.Kind.LINE, WorkerCategory.MAX_NAME, true).ifPresent(problems::add);
        // a default wage, not any amount: jkm.lumpSum (Rp 20 million) was taken as a category's default wage
        if (!wageParameter.startsWith(WAGE_PARAMETER_PREFIX) || !regulations.has(wageParameter)
                || regulations.parameter(wageParameter).unit() != id.lindung.regulation.Unit.RUPIAH) {
            problems.add(InputProblem.of("defaultWageParameter", "WAGE_PARAMETER_UNKNOWN", "defaultWageParameter '" + wageParameter
                    + "' is not a default wage of the regulation data ('" + WAGE_PARAMETER_PREFIX + "*', GET /api/v1/regulations"
                    + " lists them), e.g. '" + DEFAULT_WAGE_PARAMETER + "'"));
        }
        List<Integer> codes = opensid == null ? List.of() : opensid;
        for (Integer c : codes) {
            if (c == null || c < 1 || c > WorkerCategory.MAX_OPENSID_CODE) {
                problems.add(InputProblem.of("opensidCodes", "OPENSID_CODE_INVALID", "OpenSID pekerjaan code " + c
                        + " is not 1 to " + WorkerCategory.MAX_OPENSID_CODE));
            }
        }
        TextRules.check("note", note, TextRules.Kind.TEXT, MAX_NOTE, false).ifPresent(problems::add);
        TextRules.check("noteId", noteId, TextRules.Kind.TEXT, MAX_NOTE, false).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new WorkerCategory(code, nameId, nameEn, apparatus, segment, wageParameter, codes, active, order, verified, note,
                noteId);
    }

    private static Segment segment(String text, List<InputProblem> problems) {
        try {
            return Segment.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(InputProblem.of("defaultSegment", "SEGMENT_UNKNOWN", "defaultSegment must be PU or BPU, got '" + text.trim() + "'"));
            return Segment.BPU;
        }
    }

    /** An OpenSID code maps to one category only: 409 naming the category that has it. */
    private void opensidCodesFree(WorkerCategory wanted, List<InputProblem> problems) {
        Map<Integer, String> taken = jdbc.sql("select code, opensid_codes from worker_category where code <> ?")
                .param(wanted.code())
                .query((rs, n) -> Map.entry(rs.getString(1), ints(rs.getArray(2)))).list().stream()
                .flatMap(e -> e.getValue().stream().map(c -> Map.entry(c, e.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        String clash = wanted.opensidCodes().stream().filter(taken::containsKey)
                .map(c -> c + " (" + taken.get(c) + ")").collect(Collectors.joining(", "));
        if (!clash.isEmpty()) {
            throw InvalidInputException.conflict("opensidCodes", "OPENSID_CODE_TAKEN", "OpenSID pekerjaan code(s) " + clash
                    + " already map to another category; take them off it first");
        }
    }

    private Actor requireAdmin() {
        Actor actor = currentActor.get();
        if (actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("Only ADMIN may change worker categories");
        }
        return actor;
    }

    /** Changes are serialised, so two administrators cannot give one OpenSID code to two categories. */
    private void lock() {
        jdbc.sql("lock table worker_category in share row exclusive mode").update();
    }

    // ---------------------------------------------------------------- mapping

    private static final String SELECT = """
            select code, name_id, name_en, village_apparatus, default_segment, default_wage_parameter, opensid_codes, active,
                   sort_order, verified, note, note_id
            from worker_category""";

    private static WorkerCategory map(ResultSet rs, int n) throws SQLException {
        return new WorkerCategory(rs.getString("code"), rs.getString("name_id"), rs.getString("name_en"),
                rs.getBoolean("village_apparatus"), Segment.valueOf(rs.getString("default_segment")),
                rs.getString("default_wage_parameter"), ints(rs.getArray("opensid_codes")), rs.getBoolean("active"),
                rs.getInt("sort_order"), rs.getBoolean("verified"), rs.getString("note"), rs.getString("note_id"));
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Integer[]) array.getArray()).toList();
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(WorkerCategory c) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("code", c.code()).addValue("nameId", c.nameId()).addValue("nameEn", c.nameEn())
                .addValue("apparatus", c.villageApparatus()).addValue("segment", c.defaultSegment().name())
                .addValue("wage", c.defaultWageParameter())
                .addValue("opensid", c.opensidCodes().stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .addValue("active", c.active()).addValue("order", c.sortOrder()).addValue("verified", c.verified())
                .addValue("note", c.note()).addValue("noteId", c.noteId());
    }

    /** What the audit trail keeps of a category (in JSON a category alone is only its code). */
    private static Map<String, Object> state(WorkerCategory c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", c.code());
        m.put("nameId", c.nameId());
        m.put("nameEn", c.nameEn());
        m.put("villageApparatus", c.villageApparatus());
        m.put("defaultSegment", c.defaultSegment().name());
        m.put("defaultWageParameter", c.defaultWageParameter());
        m.put("opensidCodes", c.opensidCodes());
        m.put("active", c.active());
        m.put("sortOrder", c.sortOrder());
        m.put("verified", c.verified());
        m.put("note", c.note());
        m.put("noteId", c.noteId());
        return m;
    }

    private static String or(String value, String current) {
        return value == null || value.isBlank() ? current : value;
    }
}
