package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.registry.BulkRegistration;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a timed test: what each index, constraint and trigger of {@code worker} and {@code membership_term} costs the fair
 * floor (issue 16 item 1). A validated batch's parsed rows are exported once, then COPY-ed into the two tables again and
 * again in a transaction that is rolled back: once with everything, and once with each index dropped, each insert
 * trigger disabled or each check constraint dropped (DDL inside the same transaction, rolled back with it), the tables
 * vacuumed between runs so that every run starts from the same heap and an empty trigram pending list. Each run also
 * times flushing the trigram index's pending list at its end ({@code gin_clean_pending_list}), which a COPY under the
 * 64 MB limit leaves to autovacuum or to the next writer.
 * Run: {@code ./mvnw -B -o test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=FairFloorCostsBenchmark
 * [-Dbenchmark.rows=N] [-Dbenchmark.rounds=R] [-Dbenchmark.registered=M]}.
 */
@Tag("benchmark")
@IntegrationTest
class FairFloorCostsBenchmark {

    @Autowired WorkerImports imports;
    @Autowired WorkerFileGenerator generator;
    @Autowired Regions regions;
    @Autowired DataSource dataSource;
    @Autowired BulkRegistration bulk;
    @Autowired TransactionTemplate tx;

    @Test
    void eachIndexTriggerAndCheckOfTheFairFloor() throws Exception {
        long wanted = Long.getLong("benchmark.rows", 200_000);
        long registered = Long.getLong("benchmark.registered", 0);
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        List<Region> villages = regions.within(RegionScope.of("64"), RegionLevel.VILLAGE);
        int perVillage = (int) Math.max(1, (wanted + registered) / villages.size());
        Path whole = Files.createTempFile("lindung-floor-", ".csv");
        Path file = Files.createTempFile("lindung-floor-measured-", ".csv");
        Path register = Files.createTempFile("lindung-floor-register-", ".csv");
        long all;
        try (BufferedWriter w = Files.newBufferedWriter(whole, StandardCharsets.UTF_8)) {
            all = generator.write(villages, perVillage, 2026, 0.0, w).rows();
        }
        long rows = WorkerImportBenchmark.split(whole, all, Math.min(wanted, all), register, file);
        Actor admin = TestUsers.actor("bench-admin", Role.ADMIN, "ID");
        if (all > rows) {
            CurrentActor.runAs(admin, () -> imports.importFile("register.csv", register, new WorkerImports.Options(null, null, true)));
        }
        ImportBatch validated = CurrentActor.runAs(admin, () -> imports.importFile("floor.csv", file, WorkerImports.Options.none()));
        long batch = validated.id();
        tx.executeWithoutResult(s -> bulk.applyPayers(batch, 0, Long.MAX_VALUE));
        Path workers = Files.createTempFile("floor-workers-", ".copy");
        Path terms = Files.createTempFile("floor-terms-", ".copy");

        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("everything", List.of());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long base;
            try (ResultSet rs = st.executeQuery("select coalesce(max(id), 0) + 1 from worker")) {
                rs.next();
                base = rs.getLong(1);
            }
            String where = "s.batch_id = " + batch + " and not s.rejected and not s.registered";
            export(copy, """
                    copy (select %d + s.line, s.nik, s.full_name, s.sex, s.birth_date, s.village_code, s.phone, s.kpj,
                                 s.category, 'bench-floor'
                          from worker_stage s where %s order by s.line) to stdout""".formatted(base, where), workers);
            export(copy, """
                    copy (select %d + s.line, s.village_code, p.program, s.segment, s.wage, s.risk_group,
                                 case when s.segment = 'PU' then py.id end, py.id, s.start_date, 'bench-floor'
                          from worker_stage s cross join unnest(s.programs) as p(program)
                          join payer py on py.code = s.payer_code
                          where %s order by s.line) to stdout""".formatted(base, where), terms);
            // every index but the primary keys (referenced by other tables' foreign keys), every user trigger firing on
            // insert, every check constraint: each dropped or disabled alone
            try (ResultSet rs = st.executeQuery("""
                    select 'index ' || i.indexrelid::regclass, 'drop index ' || i.indexrelid::regclass
                    from pg_index i where i.indrelid in ('worker'::regclass, 'membership_term'::regclass) and not i.indisprimary
                      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                    union all
                    select 'constraint ' || c.conrelid::regclass || '.' || c.conname,
                           'alter table ' || c.conrelid::regclass || ' drop constraint ' || c.conname
                    from pg_constraint c where c.conrelid in ('worker'::regclass, 'membership_term'::regclass) and c.contype in ('u', 'c')
                    union all
                    select 'trigger ' || g.tgrelid::regclass || '.' || g.tgname,
                           'alter table ' || g.tgrelid::regclass || ' disable trigger ' || g.tgname
                    from pg_trigger g where g.tgrelid in ('worker'::regclass, 'membership_term'::regclass) and not g.tgisinternal
                      and (g.tgtype & 4) <> 0
                    order by 1""")) {
                while (rs.next()) {
                    variants.put(rs.getString(1), List.of(rs.getString(2)));
                }
            }
        }
        variants.put("trigram index: fastupdate off", List.of("alter index worker_name_trgm_idx set (fastupdate = off)"));
        variants.put("trigram index: pending list 4 MB (default)", List.of("alter index worker_name_trgm_idx reset (gin_pending_list_limit)"));
        variants.put("trigram index: pending list 256 MB", List.of("alter index worker_name_trgm_idx set (gin_pending_list_limit = 262144)"));
        List<String> heapOnly = new ArrayList<>();
        for (var e : variants.entrySet()) {
            if (e.getKey().startsWith("index ") || e.getKey().startsWith("trigger ") || e.getKey().startsWith("constraint ")) {
                heapOnly.addAll(e.getValue());
            }
        }
        variants.put("heap and primary keys only", heapOnly);
        // the form before V159, for an A/B in one run
        variants.put("worker_nik_check as the regular expression of V20 (before V159)", List.of(
                "alter table worker drop constraint worker_nik_check",
                "alter table worker add constraint worker_nik_check check (nik ~ '^[0-9]{16}$')"));
        // the terms' reference check before V159 (V51's body), for an A/B in one run
        variants.put("membership_term_reference_check as in V51, a probe per worker (before V159)", List.of("""
                create or replace function membership_term_reference_check() returns trigger language plpgsql as $$
                declare
                    missing bigint;
                begin
                    select n.worker_id into missing from (select distinct worker_id from new_rows) n
                    where not exists (select 1 from worker w where w.id = n.worker_id) limit 1;
                    if found then
                        perform registry_refuse_missing_reference('membership_term', 'membership_term_worker_id_fkey',
                            format('Key (worker_id)=(%s) is not present in table "worker".', missing));
                    end if;
                    select n.worker_payer_id into missing from (select distinct worker_payer_id from new_rows) n
                    where not exists (select 1 from payer p where p.id = n.worker_payer_id) limit 1;
                    if found then
                        perform registry_refuse_missing_reference('membership_term', 'membership_term_worker_payer_id_fkey',
                            format('Key (worker_payer_id)=(%s) is not present in table "payer".', missing));
                    end if;
                    select n.employer_payer_id into missing from (select distinct employer_payer_id from new_rows
                                                                  where employer_payer_id is not null) n
                    where not exists (select 1 from payer p where p.id = n.employer_payer_id) limit 1;
                    if found then
                        perform registry_refuse_missing_reference('membership_term', 'membership_term_employer_payer_id_fkey',
                            format('Key (employer_payer_id)=(%s) is not present in table "payer".', missing));
                    end if;
                    return null;
                end $$"""));
        // the overlap check before V162 (V41's body: one join under LIMIT 1, a probe per term), for an A/B in one run
        variants.put("membership_term_no_overlap as in V41, a probe per term (before V162)", List.of("""
                create or replace function membership_term_no_overlap() returns trigger language plpgsql as $$
                declare
                    clash record;
                begin
                    select n.worker_id, n.program, n.valid_from, n.valid_to, t.id as other_id, t.valid_from as other_from,
                           t.valid_to as other_to
                    into clash
                    from new_terms n
                    join membership_term t on t.worker_id = n.worker_id and t.program = n.program and t.id <> n.id
                    where t.valid_from < coalesce(n.valid_to, 'infinity') and n.valid_from < coalesce(t.valid_to, 'infinity')
                    limit 1;
                    if found then
                        raise exception using errcode = 'exclusion_violation', constraint = 'membership_term_no_overlap',
                            message = 'membership terms may not overlap';
                    end if;
                    return null;
                end $$"""));
        variants.put("everything, again", List.of());
        // -Dbenchmark.only=REGEX: only the variants whose name it finds (and the two runs with everything)
        String only = System.getProperty("benchmark.only", "");
        if (!only.isBlank()) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile(only);
            variants.keySet().removeIf(k -> !k.startsWith("everything") && !p.matcher(k).find());
        }

        if (Boolean.getBoolean("benchmark.explain")) {
            // each variant's statements under EXPLAIN ANALYZE, which times every statement-level check apart
            for (var e : variants.entrySet()) {
                System.out.println("EXPLAIN | variant: " + e.getKey());
                explained(e.getValue(), workers, terms);
            }
        }
        System.out.printf("fair floor costs: %,d workers after %,d registered; load %s%n", rows, all - rows,
                Files.readString(Path.of("/proc/loadavg")).trim());
        Map<String, double[]> best = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (var e : variants.entrySet()) {
                double[] t;
                try {
                    t = run(e.getValue(), workers, terms);
                } catch (java.sql.SQLException ex) {
                    System.out.printf("round %d | %-70s | not measured: %s%n", round + 1, e.getKey(), ex.getMessage());
                    continue;
                }
                System.out.printf("round %d | %-70s | workers %6.2f s | terms %6.2f s | pending flush %5.2f s | total %6.2f s | load %s%n",
                        round + 1, e.getKey(), t[0], t[1], t[2], t[0] + t[1] + t[2], Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
                best.merge(e.getKey(), t, (a, b) -> a[0] + a[1] + a[2] <= b[0] + b[1] + b[2] ? a : b);
            }
        }
        double[] all3 = best.get("everything");
        double whole3 = all3[0] + all3[1] + all3[2];
        System.out.println("best of " + rounds + " rounds; saving = everything minus the variant (with the pending list flushed)");
        for (var e : best.entrySet()) {
            double[] t = e.getValue();
            double total = t[0] + t[1] + t[2];
            System.out.printf("BEST | %-70s | workers %6.2f | terms %6.2f | flush %5.2f | total %6.2f s | saving %6.2f s (%4.1f%%)%n",
                    e.getKey(), t[0], t[1], t[2], total, whole3 - total, 100 * (whole3 - total) / whole3);
        }
        assertThat(best).containsKey("everything");
        Files.deleteIfExists(workers);
        Files.deleteIfExists(terms);
        Files.deleteIfExists(file);
        Files.deleteIfExists(register);
        Files.deleteIfExists(whole);
    }

    /** {workers COPY, terms COPY, pending-list flush} seconds with {@code ddl} run first, all rolled back; then a vacuum. */
    private double[] run(List<String> ddl, Path workers, Path terms) throws Exception {
        double[] t = new double[3];
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String s : ddl) {
                    st.execute(s);
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                long t0 = System.nanoTime();
                load(copy, "copy worker (id, nik, full_name, sex, birth_date, village_code, phone, kpj, category, created_by) from stdin",
                        workers);
                long t1 = System.nanoTime();
                load(copy, """
                        copy membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                                              worker_payer_id, valid_from, created_by) from stdin""", terms);
                long t2 = System.nanoTime();
                try (ResultSet rs = st.executeQuery("select 1 from pg_class where relname = 'worker_name_trgm_idx'")) {
                    if (rs.next()) {
                        st.execute("select gin_clean_pending_list('worker_name_trgm_idx'::regclass)");
                    }
                }
                long t3 = System.nanoTime();
                t[0] = (t1 - t0) / 1e9;
                t[1] = (t2 - t1) / 1e9;
                t[2] = (t3 - t2) / 1e9;
            } finally {
                c.rollback();
            }
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                // dead rows and the dead pending list gone, so that every run starts alike (no ANALYZE: see ImportFloors)
                st.execute("vacuum worker, membership_term");
            }
        }
        return t;
    }

    /**
     * One untimed run of the same rows as {@code insert ... select} from temporary copies under {@code EXPLAIN ANALYZE},
     * after {@code ddl} (a variant), which times each statement-level check (a trigger) apart; printed.
     */
    private void explained(List<String> ddl, Path workers, Path terms) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String s : ddl) {
                    st.execute(s);
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                st.execute("""
                        create temp table floor_w on commit drop as select id, nik, full_name, sex, birth_date, village_code, phone, kpj,
                            category, created_by from worker limit 0""");
                st.execute("""
                        create temp table floor_t on commit drop as select worker_id, village_code, program, segment, wage, risk_group,
                            employer_payer_id, worker_payer_id, valid_from, created_by from membership_term limit 0""");
                load(copy, "copy floor_w from stdin", workers);
                load(copy, "copy floor_t from stdin", terms);
                st.execute("analyze floor_w");
                st.execute("analyze floor_t");
                for (String sql : List.of("""
                        insert into worker (id, nik, full_name, sex, birth_date, village_code, phone, kpj, category, created_by)
                        overriding system value select * from floor_w""", """
                        insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                                                     worker_payer_id, valid_from, created_by) select * from floor_t""")) {
                    try (ResultSet rs = st.executeQuery("explain (analyze) " + sql)) {
                        while (rs.next()) {
                            System.out.println("EXPLAIN | " + rs.getString(1));
                        }
                    }
                }
            } catch (java.sql.SQLException e) {
                System.out.println("EXPLAIN | not explained: " + e.getMessage());
            } finally {
                c.rollback();
            }
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("vacuum worker, membership_term");
            }
        }
    }

    private static void export(CopyManager copy, String sql, Path file) throws Exception {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            copy.copyOut(sql, out);
        }
    }

    private static void load(CopyManager copy, String sql, Path file) throws Exception {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            copy.copyIn(sql, in);
        }
    }
}
