package id.lindung.coverage;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The generated national register of the coverage benchmarks (CoverageBenchmark, CoverageRebuildBenchmark). */
final class CoverageBenchData {

    private CoverageBenchData() {}

    /**
     * The register, set-based. Per desa in turn: worker 0 kepala desa, 1-4 perangkat, 5 BPD, 6 RT/RW (PU, paid by the
     * village), the rest BPU farmers. Bills: every term's JKK and JKM for each of the twelve months; BPU months are
     * paid on the 10th of the month unless (worker + month) % 5 = 0 (unpaid); PU months are paid on the 10th of the
     * next month up to September.
     */
    static void generate(JdbcClient jdbc, int workers) {
        long t0 = System.nanoTime();
        int villages = id.lindung.support.BenchVillages.seed(jdbc);
        jdbc.sql("""
                insert into worker (nik, full_name, sex, birth_date, village_code, category, extreme_poverty, poverty_decile, created_by)
                select lpad((8000000000000000 + i)::text, 16, '0'), 'Pekerja ' || i, 'P', date '1985-01-01', v.code,
                       case (i / :villages) when 0 then 'KEPALA_DESA' when 1 then 'PERANGKAT_DESA' when 2 then 'PERANGKAT_DESA'
                            when 3 then 'PERANGKAT_DESA' when 4 then 'PERANGKAT_DESA' when 5 then 'BPD' when 6 then 'RT_RW'
                            else 'PETANI' end,
                       i % 7 = 0, case when i % 7 = 0 then 1 + i % 3 end, 'bench-coverage'
                from generate_series(0, :total - 1) i join bench_village v on v.n = 1 + i % :villages""")
                .param("total", workers).param("villages", villages).update();
        jdbc.sql("""
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                    worker_payer_id, valid_from, created_by)
                select w.id, w.village_code, p.program, case when w.category = 'PETANI' then 'BPU' else 'PU' end,
                       2000000, 'VERY_LOW', case when w.category = 'PETANI' then null else v.payer end, v.payer,
                       date '2025-01-01' + (w.id % 500)::int, 'bench-coverage'
                from worker w join bench_village v on v.code = w.village_code
                cross join (values ('JKK'), ('JKM')) p (program)
                where w.created_by = 'bench-coverage'""").update();
        int large = Integer.getInteger("lindung.bench.villageWorkers", 10_000);
        if (large > 0) {
            // the first desa gets as many BPU farmers more: the heaviest village object (issue 14's 10,000-worker village)
            jdbc.sql("""
                    insert into worker (nik, full_name, sex, birth_date, village_code, category, extreme_poverty, poverty_decile, created_by)
                    select lpad((8100000000000000 + i)::text, 16, '0'), 'Petani ' || i, 'L', date '1980-01-01', v.code, 'PETANI',
                           i % 7 = 0, case when i % 7 = 0 then 1 + i % 3 end, 'bench-coverage'
                    from generate_series(0, :n - 1) i join bench_village v on v.n = 1""").param("n", large).update();
            jdbc.sql("""
                    insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                        worker_payer_id, valid_from, created_by)
                    select w.id, w.village_code, p.program, 'BPU', 2000000, 'VERY_LOW', null, v.payer,
                           date '2025-01-01' + (w.id % 500)::int, 'bench-coverage'
                    from worker w join bench_village v on v.code = w.village_code and v.n = 1
                    cross join (values ('JKK'), ('JKM')) p (program)
                    where w.created_by = 'bench-coverage' and w.nik like '81%'""").update();
        }
        System.out.printf("BENCH coverage register in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        long t1 = System.nanoTime();
        jdbc.sql("""
                insert into bill_line (payer_id, month, worker_id, village_code, term_id, program, segment, due_date, share,
                                       kind, base, rate, amount, regulation_version)
                select t.worker_payer_id, m.month, t.worker_id, t.village_code, t.id, t.program, t.segment,
                       case when t.segment = 'BPU' then m.month + 14 else (m.month + interval '1 month')::date + 14 end,
                       case when t.segment = 'BPU' then 'WORKER' else 'EMPLOYER' end, 'ORIGINAL', t.wage, 0.003,
                       case when t.program = 'JKK' then 10000 else 6800 end, 'bench'
                from membership_term t
                cross join lateral (select g::date as month
                                    from generate_series(date '2026-11-01' - make_interval(months => :months - 1),
                                                         date '2026-11-01', interval '1 month') g) m
                where t.created_by = 'bench-coverage' and t.valid_from < (m.month + interval '1 month')""")
                .param("months", Integer.getInteger("lindung.bench.months", 12)).update();
        jdbc.sql("""
                insert into paid_month (worker_id, program, month, village_code, paid_on)
                select l.worker_id, l.program, l.month, l.village_code,
                       case when l.segment = 'BPU' then l.month + 9 else (l.month + interval '1 month')::date + 9 end
                from bill_line l
                where l.regulation_version = 'bench'
                  and ((l.segment = 'BPU' and (l.worker_id + extract(month from l.month)::int) % 5 <> 0)
                       or (l.segment = 'PU' and l.month <= date '2026-09-01'))""").update();
        jdbc.sql("""
                insert into payment_allocation (bill_line_id, payer_id, month, amount, paid_on, late)
                select l.id, l.payer_id, l.month, l.amount, p.paid_on, l.amount * months_late(l.due_date, p.paid_on)
                from bill_line l join paid_month p on p.worker_id = l.worker_id and p.program = l.program and p.month = l.month
                where l.regulation_version = 'bench'""").update();
        jdbc.sql("analyze").update();
        System.out.printf("BENCH coverage bills, paid months and allocation in %.1f s%n", (System.nanoTime() - t1) / 1e9);
    }

    static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** The 1-minute load average, printed beside every figure (the machine is shared). */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
