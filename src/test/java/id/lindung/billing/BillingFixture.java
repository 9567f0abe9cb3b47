package id.lindung.billing;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registry rows for billing tests, written directly so billing can be tested on its own. */
final class BillingFixture {

    private static final AtomicLong SERIAL = new AtomicLong(1);
    private final JdbcClient jdbc;

    BillingFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first active desa (not a kelurahan, which has no APBDes payer) of a region, e.g. a regency "16.07". */
    String firstDesa(String region) {
        return jdbc.sql("select min(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code like ?")
                .param(region + ".%").query(String.class).single();
    }

    long payer(String code, String kind, String name, String region) {
        return jdbc.sql("""
                insert into payer (code, kind, name, region_code) values (?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name returning id""")
                .params(code, kind, name, region).query(Long.class).single();
    }

    /** A worker with a unique NIK in the district of the village. */
    long worker(String village, String name, String category) {
        String district = village.substring(0, 8).replace(".", "");
        String nik = district + "0101" + "90" + String.format("%04d", SERIAL.getAndIncrement() % 10000);
        return jdbc.sql("""
                insert into worker (nik, full_name, sex, birth_date, village_code, category, created_by)
                values (?, ?, 'L', date '1990-01-01', ?, ?, 'test') returning id""")
                .params(nik, name, village, category).query(Long.class).single();
    }

    String nik(long workerId) {
        return jdbc.sql("select nik from worker where id = ?").param(workerId).query(String.class).single();
    }

    long term(long worker, String village, String program, String segment, String wage, String risk,
              Long employerPayer, long workerPayer, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                    worker_payer_id, valid_from, valid_to, end_reason, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test') returning id""")
                .params(worker, village, program, segment, new BigDecimal(wage), risk, employerPayer, workerPayer,
                        Date.valueOf(from), to == null ? null : Date.valueOf(to), to == null ? null : "RESIGNED")
                .query(Long.class).single();
    }

    /** Closes an open term (as the registry does for a dated change). */
    void close(long term, LocalDate to, String reason) {
        jdbc.sql("update membership_term set valid_to = ?, end_reason = ? where id = ?").params(Date.valueOf(to), reason, term).update();
    }

    /**
     * The village's own payer (APBDES) paying JKK and JKM for one official on a wage of Rp 2,000,000 from {@code from}:
     * Rp 10,800 a month (JKK 4,800 + JKM 6,000). The payer's id.
     */
    long villageWithOneOfficial(String desa, String name, String category, LocalDate from) {
        long village = payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desa, desa);
        long w = worker(desa, name, category);
        term(w, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, from, null);
        term(w, desa, "JKM", "PU", "2000000", null, village, village, from, null);
        return village;
    }

    /** A payment by bank recorded as {@code actor} would record it (the bounds and the allocation included). */
    static void pay(Payments payments, id.lindung.access.Actor actor, String payer, String reference, LocalDate date, String amount) {
        id.lindung.access.CurrentActor.runAs(actor, () -> payments.record(
                new Payments.PaymentRequest(payer, reference, date, new BigDecimal(amount), "BANK"), actor));
    }

    /** Nine in the morning of {@code day} in the business zone, for {@code TestClock.fixAt}. */
    static java.time.Instant morningOf(LocalDate day) {
        return day.atTime(9, 0).atZone(java.time.ZoneId.of("Asia/Jakarta")).toInstant();
    }
}
