package id.lindung.budget;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registry rows for budget tests, written directly so the budget module is tested on its own. */
final class BudgetFixture {

    private static final AtomicLong SERIAL = new AtomicLong(1);
    private final JdbcClient jdbc;

    BudgetFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long payer(String code, String kind, String name, String region) {
        return jdbc.sql("""
                insert into payer (code, kind, name, region_code) values (?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name returning id""")
                .params(code, kind, name, region).query(Long.class).single();
    }

    /** A worker with a unique NIK in the district of the village, born on {@code birth}. */
    long worker(String village, String name, String category, LocalDate birth, Integer decile) {
        String district = village.substring(0, 8).replace(".", "");
        String nik = district + String.format("%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100)
                + String.format("%04d", 5000 + SERIAL.getAndIncrement() % 5000);
        return jdbc.sql("""
                insert into worker (nik, full_name, sex, birth_date, village_code, category, poverty_decile, created_by)
                values (?, ?, 'L', ?, ?, ?, ?, 'test') returning id""")
                .params(nik, name, Date.valueOf(birth), village, category, decile).query(Long.class).single();
    }

    String nik(long workerId) {
        return jdbc.sql("select nik from worker where id = ?").param(workerId).query(String.class).single();
    }

    long term(long worker, String village, String program, String segment, String wage, String risk,
              Long employerPayer, long workerPayer, LocalDate from, LocalDate to, String reason) {
        return jdbc.sql("""
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                    worker_payer_id, valid_from, valid_to, end_reason, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test') returning id""")
                .params(worker, village, program, segment, new BigDecimal(wage), risk, employerPayer, workerPayer,
                        Date.valueOf(from), to == null ? null : Date.valueOf(to), to == null ? null : reason)
                .query(Long.class).single();
    }
}
