package id.lindung.registry;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two floors an import is measured against in the benchmark suite (issue 16), in the same run and database:
 * the raw {@code COPY} of the file into an unindexed table, and the fair floor, a {@code COPY} of the already-parsed
 * rows of a validated batch into the real {@code worker} and {@code membership_term} tables with every index,
 * constraint and statement-level check (what any correct import must at least pay). The fair floor runs in a
 * transaction that is rolled back, so it leaves the registry as it was but for dead rows, which the import that
 * follows pays for: the comparison can only favour the floor.
 */
@Service
public class ImportFloors {

    /** Seconds of each COPY, and how many rows and terms the fair floor wrote. */
    public record FairFloor(long workers, long terms, double workerSeconds, double termSeconds) {
        public double seconds() {
            return workerSeconds + termSeconds;
        }
    }

    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final BulkRegistration bulk;

    ImportFloors(DataSource dataSource, TransactionTemplate tx, BulkRegistration bulk) {
        this.dataSource = dataSource;
        this.tx = tx;
        this.bulk = bulk;
    }

    /**
     * Seconds to COPY a worker CSV file (header, the import's 12 columns) into a temporary all-text table without any
     * index or constraint: the best of two, since the first also pays for extending a new relation file.
     */
    public double rawCopySeconds(Path csv) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 2; i++) {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("drop table if exists bench_raw_copy");
                st.execute("""
                        create temp table bench_raw_copy (nik text, name text, sex text, birth_date text, village_code text,
                            category text, segment text, wage text, risk text, programs text, payer text, start_date text)""");
                long start = System.nanoTime();
                try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16)) {
                    c.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                            copy bench_raw_copy (nik, name, sex, birth_date, village_code, category, segment, wage, risk, programs,
                                                 payer, start_date) from stdin with (format csv, header true)""", in);
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
                st.execute("drop table bench_raw_copy");
            } catch (SQLException e) {
                throw new IllegalStateException("raw COPY failed", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return best;
    }

    /**
     * The fair floor of a validated (not yet confirmed) batch: its new workers and their terms, parsed and checked by
     * validation, exported in COPY format (not timed), then COPY-ed into {@code worker} and {@code membership_term}
     * (timed), then rolled back. The batch's payers are inserted first inside the same transaction (not timed), since
     * the terms refer to them. {@code scratch} is a folder for the two exported files.
     */
    public FairFloor fairFloor(long batchId, Path scratch) {
        Path workers = scratch.resolve("floor-workers-" + batchId + ".copy");
        Path terms = scratch.resolve("floor-terms-" + batchId + ".copy");
        try {
            FairFloor floor = tx.execute(status -> {
                status.setRollbackOnly();
                bulk.applyPayers(batchId, 0, Long.MAX_VALUE);
                Connection c = DataSourceUtils.getConnection(dataSource);
                try {
                    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                    long base;
                    try (Statement st = c.createStatement(); var rs = st.executeQuery("select coalesce(max(id), 0) + 1 from worker")) {
                        rs.next();
                        base = rs.getLong(1);
                    }
                    // ids given here (COPY writes identity values as given) so that the terms can name their worker
                    String rows = "s.batch_id = " + batchId + " and not s.rejected and not s.registered";
                    export(copy, """
                            copy (select %d + s.line, s.nik, s.full_name, s.sex, s.birth_date, s.village_code, s.phone, s.kpj,
                                         s.category, 'bench-floor'
                                  from worker_stage s where %s order by s.line) to stdout""".formatted(base, rows), workers);
                    export(copy, """
                            copy (select %d + s.line, s.village_code, p.program, s.segment, s.wage, s.risk_group,
                                         case when s.segment = 'PU' then py.id end, py.id, s.start_date, 'bench-floor'
                                  from worker_stage s cross join unnest(s.programs) as p(program)
                                  join payer py on py.code = s.payer_code
                                  where %s order by s.line) to stdout""".formatted(base, rows), terms);
                    long t0 = System.nanoTime();
                    long w = load(copy, """
                            copy worker (id, nik, full_name, sex, birth_date, village_code, phone, kpj, category, created_by)
                            from stdin""", workers);
                    long t1 = System.nanoTime();
                    long t = load(copy, """
                            copy membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                                                  worker_payer_id, valid_from, created_by)
                            from stdin""", terms);
                    long t2 = System.nanoTime();
                    return new FairFloor(w, t, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
                } catch (SQLException e) {
                    throw new IllegalStateException("fair-floor COPY failed", e);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            // no VACUUM here: run on the empty tables of a fresh register, VACUUM (ANALYZE) after the rollback recorded them
            // as empty, and the first chunk of the import that followed ran for more than 20 minutes instead of about 20 s
            // (measured twice, issue 16); the dead rows it leaves make the import pay a little more, never less
            return floor;
        } finally {
            workers.toFile().delete();
            terms.toFile().delete();
        }
    }

    private static void export(CopyManager copy, String sql, Path file) throws SQLException, IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            copy.copyOut(sql, out);
        }
    }

    private static long load(CopyManager copy, String sql, Path file) throws SQLException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return copy.copyIn(sql, in);
        }
    }
}
