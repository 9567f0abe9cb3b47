package id.lindung.coverage;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.TextRules;
import id.lindung.region.Region;
import id.lindung.region.Regions;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of regional regulations and agreements that support coverage (Perbup, Pergub, Perwali, Perdes,
 * circulars, MoUs with a BPJS branch). DPMD and BPJS officers enter them for regions of their scope; everyone reads
 * them in scope. A region's list holds what was issued in it and below it, and what its higher governments issued
 * (a Pergub applies in every regency of the province): regulations are public documents, so the ancestors of one's
 * scope are shown, never a sibling's. Every entry is audited in the same transaction.
 */
@Service
public class LocalRegulations {

    /** What a form or an API client sends: text as typed, so every problem gets its own code. */
    public record NewLocalRegulation(String kind, String number, String title, String regionCode, String signedOn,
                                     String inForceFrom, String inForceUntil, boolean coversApparatus,
                                     boolean coversVulnerable, List<String> programs, List<String> budgets,
                                     String counterparty, String note) {}

    /** The stored file of a regulation. */
    public record Document(String name, String sha256, byte[] content) {}

    static final Set<String> PROGRAMS = Set.of("JKK", "JKM", "JHT", "JP", "JKP");
    static final Set<String> BUDGETS = Set.of("APBD", "APBDES", "DONOR");
    private static final int MAX_LISTED = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final CurrentActor currentActor;
    private final Regions regions;
    private final Clock clock;

    LocalRegulations(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, CurrentActor currentActor, Regions regions,
                     Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.currentActor = currentActor;
        this.regions = regions;
        this.clock = clock;
    }

    /** Whether the role enters regulations: DPMD and BPJS officers (the parties that sign them). */
    public static boolean canRegister(Role role) {
        return role == Role.DPMD || role == Role.BPJS_OFFICER;
    }

    // ---------------------------------------------------------------- reads

    /**
     * The regulations that concern {@code regionCode} (default: the scope): issued in it or below it, and by its
     * higher governments; with {@code inForceOn} only those in force on that day. Newest signed first. Their typed text
     * as the caller may read it ({@link #shown}).
     */
    public List<LocalRegulation> list(String regionCode, LocalDate inForceOn, RegionScope scope) {
        RegionScope region = narrow(regionCode, scope);
        if (inForceOn != null && outsideRegister(inForceOn)) {
            throw new InvalidInputException("inForceOn", "DATE_INVALID", "inForceOn " + inForceOn + " is outside 1945-01-01 to 2100-12-31");
        }
        return jdbc.sql(SELECT + "\n" + """
                 where ((l.region_code >= :lo and l.region_code < :hi) or l.region_code = any(:ancestors))
                   and (cast(:on as date) is null or (l.in_force_from <= :on and (l.in_force_until is null or l.in_force_until >= :on)))
                 order by l.signed_on desc, l.id desc limit :limit""")
                .param("lo", region.lo()).param("hi", region.hi())
                .param("ancestors", region.ancestors().toArray(String[]::new))
                .param("on", inForceOn).param("limit", MAX_LISTED)
                .query(LocalRegulations::map).list().stream().map(this::shown).toList();
    }

    /**
     * A regulation as the caller may read it: for MONITOR and AUDITOR what was typed (number, title, counterparty, note)
     * is masked as every typed text is (PersonalData.maskTyped: a run of 10 or more digits keeps its first 6 and last 2,
     * a date shows its year), since an MoU's counterparty or note may quote a signatory's NIK and birth date; the list,
     * the entry, the register's page and download and the monitoring report all read it so. Stored text is never changed.
     */
    private LocalRegulation shown(LocalRegulation r) {
        if (currentActor.find().filter(PersonalData::seesFull).isPresent()) {
            return r;
        }
        return new LocalRegulation(r.id(), r.regionCode(), r.regionName(), r.kind(), PersonalData.maskTyped(r.number()),
                PersonalData.maskTyped(r.title()), r.signedOn(), r.inForceFrom(), r.inForceUntil(), r.coversApparatus(),
                r.coversVulnerable(), r.programs(), r.budgets(), PersonalData.maskTyped(r.counterparty()),
                PersonalData.maskTyped(r.note()), r.file(), r.createdBy(), r.createdAt());
    }

    /** The regulations concerning {@code regionCode} in force on some day of [from, to] (both inclusive). */
    public List<LocalRegulation> inForceDuring(String regionCode, LocalDate from, LocalDate to, RegionScope scope) {
        return list(regionCode, null, scope).stream().filter(r -> r.inForceDuring(from, to)).toList();
    }

    /**
     * One regulation the scope may read (its region in scope or above it), else {@link NotFoundException}; its typed text
     * as the caller may read it ({@link #shown}).
     */
    public LocalRegulation get(long id, RegionScope scope) {
        return jdbc.sql(SELECT + " where l.id = :id and ((l.region_code >= :lo and l.region_code < :hi) or l.region_code = any(:ancestors))")
                .param("id", id).param("lo", scope.lo()).param("hi", scope.hi())
                .param("ancestors", scope.ancestors().toArray(String[]::new))
                .query(LocalRegulations::map).optional().map(this::shown)
                .orElseThrow(() -> new NotFoundException("Regulation " + id + " not found"));
    }

    /** The file of a regulation the scope may read; empty when none was attached. */
    public Optional<Document> document(long id, RegionScope scope) {
        LocalRegulation regulation = get(id, scope);
        if (regulation.file() == null) {
            return Optional.empty();
        }
        return jdbc.sql("select file_name, file_sha256, file_content from coverage_local_regulation where id = ?")
                .param(regulation.id())
                .query((rs, n) -> new Document(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    // ---------------------------------------------------------------- changes

    /** Enters a regulation in a region of the caller's scope, with its PDF (optional). Nothing is stored on error. */
    public LocalRegulation register(NewLocalRegulation r, LocalRegulationFile file) {
        return register(r, file, List.of());
    }

    /** As {@link #register(NewLocalRegulation, LocalRegulationFile)}, listing {@code earlier} problems (a form's) with the others. */
    public LocalRegulation register(NewLocalRegulation r, LocalRegulationFile file, List<InputProblem> earlier) {
        Actor actor = currentActor.get();
        if (!canRegister(actor.role())) {
            throw new AccessDeniedException("Only DPMD and BPJS officers enter regional regulations");
        }
        List<InputProblem> problems = new ArrayList<>(earlier);
        LocalRegulationKind kind = kind(r.kind(), problems);
        List<InputProblem> regionProblems = new ArrayList<>();
        Region region = regions.regionalIn(r.regionCode(), actor.scope(), "regionCode is required: the province, regency, "
                + "city or desa whose government issued or signed it", "64, 64.02 or 64.02.03.2007",
                "a regional regulation belongs to a province or an area below it", regionProblems);
        // the coverage module's one code for a malformed region, as the list (?region=x) answers it; the shared check
        // says REGION_INVALID, the payers' code
        regionProblems.forEach(p -> problems.add(p.code().equals("REGION_INVALID")
                ? InputProblem.of(p.field(), "REGION_CODE_INVALID", p.message()) : p));
        // a business rule over well-formed values: 422 alone, listed among the others when the request is also malformed
        List<InputProblem> refusals = new ArrayList<>();
        if (kind != null && region != null && !kind.issuedBy(region)) {
            refusals.add(InputProblem.of("kind", "KIND_NOT_FOR_REGION", kind + " is not issued by " + region.code() + " '"
                    + region.name() + "': a Pergub belongs to a province, a Perbup to a kabupaten, a Perwali to a kota, "
                    + "a Perdes to a desa"));
        }
        TextRules.check("number", r.number(), TextRules.Kind.LINE, 100, true).ifPresent(problems::add);
        TextRules.check("title", r.title(), TextRules.Kind.LINE, 300, true).ifPresent(problems::add);
        TextRules.check("counterparty", r.counterparty(), TextRules.Kind.LINE, 200, false).ifPresent(problems::add);
        TextRules.check("note", r.note(), TextRules.Kind.TEXT, 1000, false).ifPresent(problems::add);
        LocalDate signed = date("signedOn", r.signedOn(), true, problems);
        LocalDate from = date("inForceFrom", r.inForceFrom(), true, problems);
        LocalDate until = date("inForceUntil", r.inForceUntil(), false, problems);
        if (signed != null && signed.isAfter(LocalDate.now(clock))) {
            problems.add(InputProblem.of("signedOn", "DATE_IN_FUTURE", "signedOn " + signed + " is after today"));
        }
        if (from != null && until != null && until.isBefore(from)) {
            problems.add(InputProblem.of("inForceUntil", "PERIOD_INVALID", "inForceUntil " + until
                    + " is before inForceFrom " + from));
        }
        List<String> programs = codes("programs", r.programs(), PROGRAMS, "PROGRAM_INVALID", problems);
        List<String> budgets = codes("budgets", r.budgets(), BUDGETS, "BUDGET_INVALID", problems);
        if (file != null) {
            file.problem().ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            problems.addAll(refusals);
            throw new InvalidInputException(problems);
        }
        if (!refusals.isEmpty()) {
            throw InvalidInputException.refused(refusals);
        }
        String number = TextRules.normalise(r.number(), TextRules.Kind.LINE);
        return tx.execute(status -> {
            Long id = jdbc.sql("""
                    insert into coverage_local_regulation (region_code, kind, number, number_key, title, signed_on, in_force_from,
                        in_force_until, covers_apparatus, covers_vulnerable, programs, budgets, counterparty, note, file_name,
                        file_sha256, file_size, file_content, created_by)
                    values (:region, :kind, :number, :key, :title, :signed, :from, :until, :apparatus, :vulnerable, :programs,
                        :budgets, :counterparty, :note, :fileName, :sha, :size, :content, :by)
                    on conflict (region_code, kind, number_key) do nothing
                    returning id""")
                    .param("region", region.code()).param("kind", kind.name()).param("number", number)
                    .param("key", numberKey(number)).param("title", TextRules.normalise(r.title(), TextRules.Kind.LINE))
                    .param("signed", signed).param("from", from).param("until", until)
                    .param("apparatus", r.coversApparatus()).param("vulnerable", r.coversVulnerable())
                    .param("programs", programs.toArray(String[]::new)).param("budgets", budgets.toArray(String[]::new))
                    .param("counterparty", blankToNull(r.counterparty(), TextRules.Kind.LINE))
                    .param("note", blankToNull(r.note(), TextRules.Kind.TEXT))
                    .param("fileName", file == null ? null : file.storedName())
                    .param("sha", file == null ? null : file.sha256())
                    .param("size", file == null ? null : file.content().length)
                    .param("content", file == null ? null : file.content())
                    .param("by", actor.username())
                    .query(Long.class).optional().orElse(null);
            if (id == null) {
                throw InvalidInputException.conflict("number", "LOCAL_REGULATION_EXISTS", kind + " '" + number
                        + "' of " + region.code() + " is already registered");
            }
            LocalRegulation created = get(id, actor.scope());
            audit.record("CREATE", "local_regulation", String.valueOf(id), created.regionCode(), null, created);
            return created;
        });
    }

    // ---------------------------------------------------------------- checks

    private static LocalRegulationKind kind(String text, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(InputProblem.of("kind", "REQUIRED", "kind is required: " + Arrays.toString(LocalRegulationKind.values())));
            return null;
        }
        try {
            return LocalRegulationKind.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(InputProblem.of("kind", "KIND_INVALID", "kind '" + InputProblem.shown(text.strip()) + "' is not one of "
                    + Arrays.toString(LocalRegulationKind.values())));
            return null;
        }
    }

    private static LocalDate date(String field, String text, boolean required, List<InputProblem> problems) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.add(InputProblem.of(field, "REQUIRED", field + " is required (YYYY-MM-DD)"));
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (outsideRegister(d)) {
                // the date and both bounds as values: the Indonesian sentence for three values places them (ProblemLanguage)
                problems.add(InputProblem.of(field, "DATE_INVALID", field + " " + d + " is outside 1945-01-01 to 2100-12-31"));
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(InputProblem.of(field, "DATE_INVALID", field + " '" + InputProblem.shown(text.strip()) + "' is not a date YYYY-MM-DD"));
            return null;
        }
    }

    /** The register's dates, entered or asked for, are from 1945 to 2100. */
    private static boolean outsideRegister(LocalDate date) {
        return date.getYear() < 1945 || date.getYear() > 2100;
    }

    private static List<String> codes(String field, List<String> given, Set<String> allowed, String code,
                                      List<InputProblem> problems) {
        Set<String> result = new LinkedHashSet<>();
        for (String g : given == null ? List.<String>of() : given) {
            if (g == null || g.isBlank()) {
                continue;
            }
            String c = g.strip().toUpperCase(Locale.ROOT);
            if (!allowed.contains(c)) {
                problems.add(InputProblem.of(field, code, field + " '" + InputProblem.shown(g.strip()) + "' is not one of " + allowed.stream().sorted().toList()));
            } else {
                result.add(c);
            }
        }
        return List.copyOf(result);
    }

    /**
     * The asked region as a scope: malformed is REGION_CODE_INVALID, and outside the caller's scope or not in the
     * region list is 404, as the coverage endpoints answer both (an unknown code listed nothing with a 200).
     */
    private RegionScope narrow(String regionCode, RegionScope scope) {
        if (regionCode == null || regionCode.isBlank()) {
            return scope;
        }
        RegionScope asked;
        try {
            asked = RegionScope.of(regionCode);
        } catch (IllegalArgumentException e) {
            // malformed, as the coverage endpoints answer it; a well-formed code outside the scope is not found
            throw CoverageIndicators.regionCodeInvalid(regionCode.strip());
        }
        if (!scope.covers(asked) || (!asked.isNational() && regions.lookup(asked.code()).isEmpty())) {
            throw new NotFoundException("Region " + asked.code() + " not found");
        }
        return asked;
    }

    /** The comparison key of a number: upper case, no spaces ("4 tahun  2024" and "4 Tahun 2024" are one). */
    static String numberKey(String number) {
        return number.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    }

    private static String blankToNull(String s, TextRules.Kind kind) {
        return s == null || s.isBlank() ? null : TextRules.normalise(s, kind);
    }

    private static final String SELECT = """
            select l.id, l.region_code, r.name as region_name, l.kind, l.number, l.title, l.signed_on, l.in_force_from,
                   l.in_force_until, l.covers_apparatus, l.covers_vulnerable, l.programs, l.budgets, l.counterparty, l.note,
                   l.file_name, l.file_sha256, l.file_size, l.created_by, l.created_at
            from coverage_local_regulation l join region_area r on r.code = l.region_code""";

    private static LocalRegulation map(ResultSet rs, int n) throws SQLException {
        String sha = rs.getString("file_sha256");
        return new LocalRegulation(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
                LocalRegulationKind.valueOf(rs.getString("kind")), rs.getString("number"), rs.getString("title"),
                rs.getObject("signed_on", LocalDate.class), rs.getObject("in_force_from", LocalDate.class),
                rs.getObject("in_force_until", LocalDate.class), rs.getBoolean("covers_apparatus"),
                rs.getBoolean("covers_vulnerable"), strings(rs.getArray("programs")), strings(rs.getArray("budgets")),
                rs.getString("counterparty"), rs.getString("note"),
                sha == null ? null : new LocalRegulation.StoredFile(rs.getString("file_name"), sha, rs.getLong("file_size")),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
