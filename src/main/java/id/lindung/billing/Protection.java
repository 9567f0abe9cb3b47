package id.lindung.billing;

import id.lindung.shared.ProtectionStatus;
import id.lindung.access.RegionScope;
import id.lindung.platform.NotFoundException;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Protection status of a worker's programmes on a date, from terms and paid months. */
@Service
public class Protection {

    private final JdbcClient jdbc;
    private final MonthRulesSource rules;
    private final Map<YearMonth, MonthRules> cache = new ConcurrentHashMap<>();
    private final java.time.Clock clock;

    Protection(JdbcClient jdbc, MonthRulesSource rules, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    /** The first day a protection question may name (as a claim's dates: docs/security.md). */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /**
     * {@code date} when it lies from {@link #EARLIEST} to a year after today, else OUT_OF_RANGE (400) on {@code date}.
     * Java's dates run to year ±999,999,999: month arithmetic on them failed (a 500, security review), and every month a
     * question names stays in the month-rules cache, which the bounds keep to the regulation data's months.
     */
    LocalDate checked(LocalDate date) {
        LocalDate latest = LocalDate.now(clock).plusYears(1);
        if (date.isBefore(EARLIEST) || date.isAfter(latest)) {
            throw new id.lindung.platform.InvalidInputException("date", "OUT_OF_RANGE", "date "
                    + id.lindung.platform.InputProblem.shown(date.toString()) + " is outside " + EARLIEST + " to " + latest
                    + " (a year after today)");
        }
        return date;
    }

    /**
     * {@code employerInArrears}: a PU worker stays PROTECTED while the employer is in arrears (BPJS pays the
     * benefit and recovers it from the employer); the flag says the employer owes an overdue billed month.
     */
    public record ProgramStatus(String program, ProtectionStatus status, String paidThrough, String payer,
                                boolean employerInArrears) {
        public ProgramStatus(String program, ProtectionStatus status, String paidThrough, String payer) {
            this(program, status, paidThrough, payer, false);
        }
    }

    public record Report(String nik, LocalDate date, List<ProgramStatus> programs) {

        /** The report as {@code actor} may see it: a self-payer's code without the NIK for masked roles (PersonalData). */
        public Report shownTo(id.lindung.access.Actor actor) {
            return new Report(nik == null ? null : id.lindung.access.PersonalData.nik(actor, nik), date, programs.stream()
                    .map(p -> new ProgramStatus(p.program(), p.status(), p.paidThrough(),
                            id.lindung.access.PersonalData.payerCode(actor, p.payer()), p.employerInArrears()))
                    .toList());
        }
    }

    /**
     * For a worker in the scope (else 404), for jobs and tests that act for a scope; requests name a worker through the
     * registry's NIK lookups (masking, probe limits) and call {@link #ofWorker}.
     */
    public Report of(String nik, LocalDate date, RegionScope scope) {
        long workerId = jdbc.sql("select id from registry_worker where nik = :nik and village_code >= :lo and village_code < :hi")
                .param("nik", nik).param("lo", scope.lo()).param("hi", scope.hi())
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("Worker " + id.lindung.access.PersonalData.mask(nik) + " not found"));
        return new Report(nik, date, evaluate(workerId, checked(date)));
    }

    /** By internal worker id (pages), for a worker in the scope (else 404); the NIK is not repeated. */
    public Report ofWorker(long workerId, LocalDate date, RegionScope scope) {
        List<ProgramStatus> programs = evaluate(workerId, checked(date), scope);
        if (programs == null) {
            throw new NotFoundException("Worker " + workerId + " not found");
        }
        return new Report(null, date, programs);
    }

    /** For the public status check: the worker must match NIK and birth date; nothing else is revealed. */
    public java.util.Optional<Report> publicCheck(String nik, LocalDate birthDate, LocalDate date) {
        checked(date);
        return jdbc.sql("select id from registry_worker where nik = ? and birth_date = ?").params(nik, java.sql.Date.valueOf(birthDate))
                .query(Long.class).optional()
                .map(id -> new Report(nik, date, evaluate(id, date)));
    }

    List<ProgramStatus> evaluate(long workerId, LocalDate date) {
        return evaluate(workerId, date, null);
    }

    /**
     * A worker's terms, paid months and billed months (only a month billed with a positive net amount, both shares,
     * after reversals, can be in arrears: billed_month's net, kept as lines are written, V167, whose key leads with the
     * month, so each month is named, V169), for the workers {@code %1$s} selects: one statement for one worker or a page.
     */
    private static final String FACTS = """
            select 't' kind, t.worker_id, t.program, t.valid_from d1, t.valid_to d2, t.segment, p.code, t.end_reason = 'DECEASED' flag
            from registry_membership_term t join registry_payer p on p.id = t.worker_payer_id
            where t.worker_id %1$s
            union all
            select 'p', worker_id, program, month, paid_on, null, null, null from paid_month
            where worker_id %1$s
            union all
            select 'b', worker_id, program, month, null, null, null, null from billed_month
            where month = any(billing_months()) and worker_id %1$s and net > 0""";

    /**
     * The worker's facts in one statement (issue 16: four round trips were most of a lookup's time under load), each
     * branch only if {@code scope} (null: any) covers the worker; null if it does not.
     */
    private List<ProgramStatus> evaluate(long workerId, LocalDate date, RegionScope scope) {
        Facts facts = new Facts();
        boolean[] visible = new boolean[1];
        jdbc.sql("""
                with v as (select cast(:any as boolean) or exists(select 1 from registry_worker
                                   where id = :id and village_code >= :lo and village_code < :hi) ok)
                select 'v' kind, null::bigint, null::text, null::date, null::date, null::text, null::text, ok from v
                union all
                """ + FACTS.formatted("= :id and (select ok from v)"))
                .param("id", workerId).param("any", scope == null)
                .param("lo", scope == null ? "" : scope.lo()).param("hi", scope == null ? "" : scope.hi())
                .query((rs, n) -> {
                    if ("v".equals(rs.getString(1))) {
                        visible[0] = rs.getBoolean(8);
                    } else {
                        facts.add(rs);
                    }
                    return n;
                })
                .list();
        return visible[0] ? facts.statuses(date) : null;
    }

    /**
     * The same answer as {@link #ofWorker} for many workers at once, in one statement whatever their number (a list
     * page's rows): worker id → its programmes' statuses, for workers with a programme started by {@code date}. No scope
     * check: callers pass workers they have already scoped.
     */
    public Map<Long, List<ProgramStatus>> ofWorkers(java.util.Collection<Long> workerIds, LocalDate date) {
        if (workerIds.isEmpty()) {
            return Map.of();
        }
        checked(date);
        Map<Long, Facts> byWorker = new HashMap<>();
        jdbc.sql(FACTS.formatted("= any(:ids)")).param("ids", workerIds.toArray(Long[]::new))
                .query((rs, n) -> {
                    byWorker.computeIfAbsent(rs.getLong(2), k -> new Facts()).add(rs);
                    return n;
                })
                .list();
        Map<Long, List<ProgramStatus>> result = new HashMap<>();
        byWorker.forEach((id, facts) -> {
            List<ProgramStatus> programs = facts.statuses(date);
            if (!programs.isEmpty()) {
                result.put(id, programs);
            }
        });
        return result;
    }

    /** One worker's rows of {@link #FACTS}, and the policy's answer over them. */
    private final class Facts {
        private final Map<String, List<ProtectionPolicy.Period>> periods = new TreeMap<>();
        private final Map<String, Map<YearMonth, LocalDate>> paid = new HashMap<>();
        private final Map<String, Set<YearMonth>> billed = new HashMap<>();

        void add(java.sql.ResultSet rs) throws java.sql.SQLException {
            String program = rs.getString(3);
            switch (rs.getString(1)) {
                case "t" -> periods.computeIfAbsent(program, k -> new ArrayList<>())
                        .add(new ProtectionPolicy.Period(rs.getDate(4).toLocalDate(),
                                rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(), Segment.valueOf(rs.getString(6)),
                                rs.getString(7), rs.getBoolean(8)));
                case "p" -> paid.computeIfAbsent(program, k -> new HashMap<>())
                        .put(YearMonth.from(rs.getDate(4).toLocalDate()), rs.getDate(5).toLocalDate());
                default -> billed.computeIfAbsent(program, k -> new HashSet<>()).add(YearMonth.from(rs.getDate(4).toLocalDate()));
            }
        }

        List<ProgramStatus> statuses(LocalDate date) {
            periods.values().forEach(list -> list.sort(java.util.Comparator.comparing(ProtectionPolicy.Period::from)));
            MonthRules now = rulesFor(YearMonth.from(date));
            List<ProgramStatus> result = new ArrayList<>();
            periods.forEach((program, list) -> {
                Segment segment = list.get(list.size() - 1).segment();
                var answer = ProtectionPolicy.evaluate(list, billed.getOrDefault(program, Set.of()), paid.getOrDefault(program, Map.of()),
                        m -> rulesFor(m).dueDate(segment), now.bpuGraceMonths(), now.bpuBackPaymentMonths(), date);
                if (answer != null) {
                    result.add(new ProgramStatus(program, answer.status(),
                            answer.paidThrough() == null ? null : answer.paidThrough().toString(), answer.payer(),
                            answer.employerInArrears()));
                }
            });
            return result;
        }
    }

    private MonthRules rulesFor(YearMonth month) {
        return cache.computeIfAbsent(month, rules::forMonth);
    }
}
