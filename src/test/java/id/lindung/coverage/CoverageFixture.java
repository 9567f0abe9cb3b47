package id.lindung.coverage;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registry rows for coverage tests, written directly (as billing's tests do) so any history can be set up. */
final class CoverageFixture {

    private static final AtomicLong SERIAL = new AtomicLong(1);
    private final JdbcClient jdbc;

    CoverageFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long payer(String code, String kind, String name, String region) {
        return jdbc.sql("""
                insert into payer (code, kind, name, region_code) values (?, ?, ?, ?)
                on conflict (code) do update set name = payer.name returning id""")
                .params(code, kind, name, region).query(Long.class).single();
    }

    /** A worker with a unique NIK (districts of the tests' regency 18.06 use 1806xx, kept apart by the serial). */
    long worker(String village, String name, String category, boolean extremePoverty, Integer decile) {
        String district = village.substring(0, 8).replace(".", "");
        String nik = district + "0101" + "88" + String.format("%04d", SERIAL.getAndIncrement() % 10000);
        return jdbc.sql("""
                insert into worker (nik, full_name, sex, birth_date, village_code, category, extreme_poverty, poverty_decile, created_by)
                values (?, ?, 'P', date '1988-01-01', ?, ?, ?, ?, 'test') returning id""")
                .params(nik, name, village, category, extremePoverty, decile).query(Long.class).single();
    }

    String nik(long workerId) {
        return jdbc.sql("select nik from worker where id = ?").param(workerId).query(String.class).single();
    }

    long term(long worker, String village, String program, String segment, Long employerPayer, long workerPayer, LocalDate from) {
        return jdbc.sql("""
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                    worker_payer_id, valid_from, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'test') returning id""")
                .params(worker, village, program, segment, new BigDecimal(segment.equals("PU") ? "2000000" : "1000000"),
                        segment.equals("PU") ? "VERY_LOW" : null, employerPayer, workerPayer, Date.valueOf(from))
                .query(Long.class).single();
    }

    /** Closes a worker's open terms on {@code to} (exclusive) for {@code reason}, as the registry does. */
    void close(long worker, LocalDate to, String reason) {
        jdbc.sql("update membership_term set valid_to = ?, end_reason = ? where worker_id = ? and valid_to is null")
                .params(Date.valueOf(to), reason, worker).update();
    }

    /** What the payer still owes for the month (every month when null): effective lines less their allocation. */
    BigDecimal owed(String payerCode, java.time.YearMonth month) {
        Date first = month == null ? null : Date.valueOf(month.atDay(1));
        return jdbc.sql("""
                select coalesce(sum(l.eff), 0) - coalesce(sum(a.amount), 0)
                from bill_line_effective l join payer p on p.id = l.payer_id
                left join payment_allocation a on a.bill_line_id = l.id
                where p.code = ? and (cast(? as date) is null or l.month = ?)""")
                .params(payerCode, first, first).query(BigDecimal.class).single();
    }
}
