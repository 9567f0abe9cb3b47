package id.lindung.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Copies validated import rows into {@code worker_stage} for {@link BulkRegistration}, in COPY text format. Close it to finish the COPY. A row is built in one reused buffer and handed
 * to the writer once: writing it character by character (each call taking the writer's lock) was 60% of the
 * CPU time of validating a file.
 */
public final class StageWriter implements AutoCloseable {

    /** Starts a COPY into {@code worker_stage} on the transaction's connection; must run inside the caller's transaction. */
    static StageWriter open(DataSource dataSource, long batchId) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            PGConnection pg = connection.unwrap(PGConnection.class);
            PGCopyOutputStream out = new PGCopyOutputStream(pg, """
                    copy worker_stage (batch_id, line, nik, full_name, sex, birth_date, village_code, category, segment, wage,
                                       risk_group, programs, payer_code, payer_kind, payer_name, payer_region, start_date, phone, kpj,
                                       poverty_decile)
                    from stdin""", 1 << 16);
            return new StageWriter(batchId, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start COPY into worker_stage", e);
        }
    }

    private final String batch;
    private final Writer out;
    private final StringBuilder row = new StringBuilder(256);
    private long rows;

    StageWriter(long batchId, Writer out) {
        this.batch = Long.toString(batchId);
        this.out = out;
    }

    public void add(StagedWorker r) {
        row.setLength(0);
        row.append(batch).append('\t').append(r.line());
        tab(r.nik());
        tab(r.fullName());
        tab(r.sex());
        tab(r.birthDate().toString());
        tab(r.villageCode());
        tab(r.category().code());
        tab(r.segment().name());
        tab(r.wage().toBigDecimal().toPlainString());
        tab(r.riskGroup() == null ? null : r.riskGroup().name());
        row.append("\t{");
        for (int i = 0; i < r.programs().size(); i++) {
            row.append(i == 0 ? "" : ",").append(r.programs().get(i).name());
        }
        row.append('}');
        tab(r.payer().code());
        tab(r.payer().kind());
        tab(r.payer().name());
        tab(r.payer().regionCode());
        tab(r.startDate().toString());
        tab(r.phone());
        tab(r.kpj());
        tab(r.p3keDecile() == null ? null : r.p3keDecile().toString());
        row.append('\n');
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    private void tab(String value) {
        row.append('\t');
        if (value == null) {
            row.append("\\N");
            return;
        }
        int plain = 0;
        while (plain < value.length() && !special(value.charAt(plain))) {
            plain++;
        }
        if (plain == value.length()) {
            row.append(value); // nearly every value: nothing to escape
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
