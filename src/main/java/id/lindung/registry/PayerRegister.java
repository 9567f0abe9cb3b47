package id.lindung.registry;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.Page;
import id.lindung.platform.TextRules;
import id.lindung.region.Region;
import id.lindung.region.Regions;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payer register: government payers (made from the region list), employers and donors (entered by users in a
 * region), each with a contact. Reads and changes are restricted to the caller's region scope in SQL; a payer
 * outside it answers as not found. SELF payers belong to their worker and are not in the register. Every change
 * is audited in the same transaction.
 */
@Service
public class PayerRegister {

    /** Filters of the register; null means any. */
    public record Query(PayerKind kind, String regionCode, String search) {}

    /** A contact person and how to reach the payer; blank values are stored as none. */
    public record Contact(String contactPerson, String phone, String email, String address) {}

    /** A new employer or donor. */
    public record NewPayer(PayerKind kind, String name, String regionCode, Contact contact) {}

    /**
     * A change of a payer: null leaves a value as it is, a blank contact value clears it. Only employers and donors
     * may be renamed; a government payer's name follows its region.
     */
    public record Changes(String name, String contactPerson, String phone, String email, String address) {}

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final CurrentActor currentActor;
    private final Regions regions;

    PayerRegister(JdbcClient jdbc, TransactionTemplate tx, AuditLog audit, CurrentActor currentActor, Regions regions) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
        this.currentActor = currentActor;
        this.regions = regions;
    }

    // ---------------------------------------------------------------- reads

    /** One page of the payers under {@code query.regionCode()} (default the whole scope), in region order. */
    public Page<Payer> list(Query query, RegionScope scope, int page, int size) {
        int limit = Math.max(1, Math.min(size, 500));
        int offset = Math.max(0, page) * limit;
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query, scope, params);
        long total = jdbc.sql("select count(*) from payer p where " + where).paramSource(params).query(Long.class).single();
        List<Payer> items = jdbc.sql(SELECT + " where " + where + ORDER + " limit :limit offset :offset")
                .paramSource(params.addValue("limit", limit).addValue("offset", offset))
                .query(PayerRegister::map).list();
        return new Page<>(items, Math.max(0, page), limit, total);
    }

    /** Most payers one download holds (the country's villages and regencies are about 84,300). */
    public static final int MAX_DOWNLOAD = 200_000;

    /**
     * Every payer {@link #list} would page through, in its order, for a download, in one statement; more than
     * {@link #MAX_DOWNLOAD} is the {@code TOO_MANY_ROWS} error on {@code region}, before a row is sent.
     */
    public List<Payer> all(Query query, RegionScope scope) {
        return all(query, scope, MAX_DOWNLOAD);
    }

    List<Payer> all(Query query, RegionScope scope, int max) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query, scope, params);
        List<Payer> items = jdbc.sql(SELECT + " where " + where + ORDER + " limit :limit")
                .paramSource(params.addValue("limit", max + 1)).query(PayerRegister::map).list();
        if (items.size() > max) {
            throw new InvalidInputException("region", "TOO_MANY_ROWS", "the list holds more than the " + max
                    + " payers one download holds: choose a province, regency or district");
        }
        return items;
    }

    private static final String ORDER = " order by p.region_code, p.kind, p.name, p.code";

    /** The list's condition, the caller's scope (or the area inside it) first; SELF payers are never listed. */
    private String where(Query query, RegionScope scope, MapSqlParameterSource params) {
        if (query.kind() == PayerKind.SELF) {
            throw InvalidInputException.refused("kind", "KIND_NOT_LISTED",
                    "SELF payers are not in the register; each is shown with its worker");
        }
        RegionScope effective = narrow(query.regionCode(), scope);
        params.addValue("lo", effective.lo()).addValue("hi", effective.hi());
        StringBuilder where = new StringBuilder("p.kind <> 'SELF' and p.region_code >= :lo and p.region_code < :hi");
        if (query.kind() != null) {
            where.append(" and p.kind = :kind");
            params.addValue("kind", query.kind().name());
        }
        if (query.search() != null && !query.search().isBlank()) {
            String s = query.search().trim();
            // a name's part, a code's start (APBDES:64.02...) or a region code's start: an officer types the village code
            where.append(" and (lower(p.name) like :name or p.code like :code or p.region_code like :region)");
            params.addValue("name", "%" + likeEscape(s.toLowerCase(Locale.ROOT)) + "%");
            params.addValue("code", likeEscape(s.toUpperCase(Locale.ROOT)) + "%");
            params.addValue("region", likeEscape(s) + "%");
        }
        return where.toString();
    }

    /** The payer if the scope covers its region, else {@link PersonalData#payerNotFound}; SELF payers are never found here. */
    public Payer get(String code, RegionScope scope) {
        return find(code, scope, false);
    }

    /**
     * The payer of {@code code}, of any kind (SELF included), for the modules that bill payers and take their
     * payments; empty when the text is not a payer code or no payer has it. Read in any case ({@link PayerCode#tryRead}),
     * as {@code GET /api/v1/payers/{code}} reads it. No scope applies: the caller checks
     * {@link RegisteredPayer#regionCode()} against its own.
     */
    public Optional<RegisteredPayer> lookup(String code) {
        return PayerCode.tryRead(code).flatMap(c -> jdbc.sql("select id, name, region_code from payer where code = ?")
                .param(c.value())
                .query((rs, n) -> new RegisteredPayer(rs.getLong(1), c, rs.getString(2), rs.getString(3)))
                .optional());
    }

    private Payer find(String code, RegionScope scope, boolean lock) {
        if (PayerCode.tryRead(code).isEmpty()) {
            // as billing answers such a text (Payers.get): no payer anywhere has it, so "not found" would hide the mistake
            throw new InvalidInputException("code", "PAYER_CODE_INVALID", "'" + PersonalData.echoedPayerCode(code) + "' is not a payer code");
        }
        String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
        return jdbc.sql(SELECT + " where p.code = :code and p.kind <> 'SELF' and p.region_code >= :lo and p.region_code < :hi"
                        + (lock ? " for update of p" : ""))
                .param("code", normalised).param("lo", scope.lo()).param("hi", scope.hi())
                .query(PayerRegister::map).optional()
                .orElseThrow(() -> PersonalData.payerNotFound(code));
    }

    // ---------------------------------------------------------------- changes

    /** Registers an employer or donor in a region of the caller's scope; its code is {@code KIND:<region>:<NAME>}. */
    public Payer create(NewPayer p) {
        return create(p, false);
    }

    /**
     * As {@link #create(NewPayer)}, for the form: a region outside the caller's area is refused with the other
     * problems as an unknown one is (REGION_UNKNOWN), not as not found, so the form keeps its input.
     */
    public Payer createFromForm(NewPayer p) {
        return create(p, true);
    }

    private Payer create(NewPayer p, boolean outsideIsUnknown) {
        Actor actor = requireWriter();
        List<InputProblem> problems = new ArrayList<>();
        if (p.kind() == null) {
            problems.add(InputProblem.of("kind", "REQUIRED", "kind is required: EMPLOYER or DONOR"));
        } else if (!p.kind().isRegisteredByUsers()) {
            problems.add(InputProblem.of("kind", "KIND_NOT_REGISTRABLE", p.kind() + " payers cannot be entered: "
                    + (p.kind() == PayerKind.SELF ? "a SELF payer is registered with its worker"
                            : "government payers come from the official region list")));
        }
        Region region = regions.regionalIn(p.regionCode(), actor.scope(), "regionCode is required: the desa, district, "
                + "regency or province the payer belongs to", "64, 64.02, 64.02.03 or 64.02.03.2007",
                "A payer belongs to a province or an area below it, not to ID", outsideIsUnknown, problems);
        checkName(p.name(), problems);
        Contact contact = p.contact() == null ? new Contact(null, null, null, null) : p.contact();
        checkContact(contact.contactPerson(), contact.phone(), contact.email(), contact.address(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PayerRef ref = PayerRef.registered(p.kind(), region.code(), TextRules.normalise(p.name(), TextRules.Kind.ORGANISATION_NAME));
        return tx.execute(status -> {
            boolean inserted = jdbc.sql("""
                    insert into payer (code, kind, name, region_code, contact_person, phone, email, address)
                    values (:code, :kind, :name, :region, :person, :phone, :email, :address)
                    on conflict do nothing""")
                    .param("code", ref.code()).param("kind", ref.kind()).param("name", ref.name())
                    .param("region", ref.regionCode()).param("person", blankToNull(contact.contactPerson()))
                    .param("phone", blankToNull(contact.phone())).param("email", blankToNull(contact.email()))
                    .param("address", blankToNull(contact.address()))
                    .update() == 1;
            if (!inserted) {
                throw alreadyRegistered(ref);
            }
            Payer created = find(ref.code(), actor.scope(), false);
            audit.record("CREATE", "payer", created.code(), created.regionCode(), null, created);
            return created;
        });
    }

    /** Changes a payer's contact (any payer in scope) or name (employers and donors). Nothing changes on error. */
    public Payer update(String code, Changes c) {
        Actor actor = requireWriter();
        return tx.execute(status -> {
            Payer before = find(code, actor.scope(), true);
            List<InputProblem> problems = new ArrayList<>();
            String name = before.name();
            if (c.name() != null && !c.name().trim().replaceAll("\\s+", " ").equals(before.name())) {
                if (!before.kind().isRegisteredByUsers()) {
                    problems.add(InputProblem.of("name", "NAME_FIXED", "The name of a government payer follows the official "
                            + "name of its region and cannot be changed; its contact can"));
                } else if (checkName(c.name(), problems)) {
                    name = PayerRef.registered(before.kind(), before.regionCode(),
                            TextRules.normalise(c.name(), TextRules.Kind.ORGANISATION_NAME)).name();
                }
            }
            checkContact(c.contactPerson(), c.phone(), c.email(), c.address(), problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Payer wanted = new Payer(before.code(), before.kind(), name, before.regionCode(), before.regionName(),
                    changed(c.contactPerson(), before.contactPerson()), changed(c.phone(), before.phone()),
                    changed(c.email(), before.email()), changed(c.address(), before.address()), before.createdAt(),
                    before.updatedAt());
            if (wanted.equals(before)) {
                return before;
            }
            // a rename to a name another transaction takes meanwhile passes the "not exists" (it cannot see that one) and
            // then meets the name's unique key once the other commits: the same 409 as one after the other, not a 500
            Object beforeUpdate = status.createSavepoint();
            boolean updated;
            try {
                updated = jdbc.sql("""
                        update payer set name = :name, contact_person = :person, phone = :phone, email = :email, address = :address,
                                         updated_at = now()
                        where code = :code and not exists (
                            select 1 from payer o where o.code <> :code and o.kind = payer.kind and o.region_code = payer.region_code
                                                    and o.name_key = payer_name_key(:name))""")
                        .param("name", wanted.name()).param("person", wanted.contactPerson()).param("phone", wanted.phone())
                        .param("email", wanted.email()).param("address", wanted.address()).param("code", before.code())
                        .update() == 1;
            } catch (DuplicateKeyException e) {
                status.rollbackToSavepoint(beforeUpdate);
                updated = false;
            }
            if (!updated) {
                throw alreadyRegistered(PayerRef.registered(before.kind(), before.regionCode(), name));
            }
            Payer after = find(before.code(), actor.scope(), false);
            audit.record("UPDATE", "payer", after.code(), after.regionCode(), before, after);
            return after;
        });
    }

    private InvalidInputException alreadyRegistered(PayerRef ref) {
        String existing = jdbc.sql("""
                select code from payer where code = :code or (kind = :kind and region_code = :region and name_key = payer_name_key(:name))
                limit 1""")
                .param("code", ref.code()).param("kind", ref.kind()).param("region", ref.regionCode()).param("name", ref.name())
                .query(String.class).optional().orElse(ref.code());
        return InvalidInputException.conflict("name", "PAYER_EXISTS", "A " + ref.kind().toLowerCase(Locale.ROOT) + " named '"
                + ref.name() + "' is already registered in " + ref.regionCode() + " as '" + existing + "'");
    }

    // ---------------------------------------------------------------- checks

    /** True when the name is acceptable; otherwise adds why not. */
    private static boolean checkName(String name, List<InputProblem> problems) {
        Optional<InputProblem> text = TextRules.check("name", name, TextRules.Kind.ORGANISATION_NAME, PayerCode.MAX_NAME, true);
        if (text.isPresent()) {
            problems.add(text.get());
            return false;
        }
        if (name.indexOf(':') >= 0) {
            problems.add(InputProblem.of("name", "NAME_INVALID", "name may not contain ':', which separates the parts of a payer code"));
            return false;
        }
        if (PayerCode.nameKey(name).isEmpty()) {
            problems.add(InputProblem.of("name", "NAME_INVALID", "name needs letters or digits"));
            return false;
        }
        return true;
    }

    private static void checkContact(String person, String phone, String email, String address, List<InputProblem> problems) {
        TextRules.check("contactPerson", person, TextRules.Kind.LINE, 120, false).ifPresent(problems::add);
        TextRules.check("phone", phone, TextRules.Kind.PHONE, false).ifPresent(problems::add);
        Optional<InputProblem> mail = TextRules.check("email", email, TextRules.Kind.LINE, 120, false);
        if (mail.isPresent()) {
            problems.add(mail.get());
        } else if (email != null && !email.isBlank() && !EMAIL.matcher(email.trim()).matches()) {
            problems.add(InputProblem.of("email", "EMAIL_INVALID", "email '" + email.trim() + "' is not an e-mail address"));
        }
        TextRules.check("address", address, TextRules.Kind.TEXT, 300, false).ifPresent(problems::add);
    }

    // ---------------------------------------------------------------- helpers

    private Actor requireWriter() {
        Actor actor = currentActor.get();
        if (!actor.role().canChangeData()) {
            throw new AccessDeniedException("Role " + actor.role() + " may not change the payer register");
        }
        return actor;
    }

    private RegionScope narrow(String regionCode, RegionScope scope) {
        return scope.narrow(regionCode, regions);
    }

    private static String changed(String requested, String current) {
        return requested == null ? current : blankToNull(requested);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : TextRules.normalise(s, TextRules.Kind.LINE);
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static final String SELECT = """
            select p.code, p.kind, p.name, p.region_code, r.name as region_name, p.contact_person, p.phone, p.email, p.address,
                   p.created_at, p.updated_at
            from payer p join region_area r on r.code = p.region_code""";

    private static Payer map(ResultSet rs, int n) throws SQLException {
        return new Payer(rs.getString("code"), PayerKind.valueOf(rs.getString("kind")), rs.getString("name"),
                rs.getString("region_code"), rs.getString("region_name"), rs.getString("contact_person"), rs.getString("phone"),
                rs.getString("email"), rs.getString("address"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
