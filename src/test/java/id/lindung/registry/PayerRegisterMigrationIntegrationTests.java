package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V47 on a database that already holds payers of the old kind: the schema up to V46 is built in a schema of its
 * own (no region list: the Java migration V2 is not run there), filled the way the old code filled it, then
 * migrated to V47.
 */
@IntegrationTest
class PayerRegisterMigrationIntegrationTests {

    static final String A = "64.02.03.2001";
    static final String B = "64.02.03.2002";

    @Autowired DataSource dataSource;
    @Value("${spring.datasource.password:}") String password;

    @Test
    void v47GivesEachVillageItsOwnEmployerWhereOneNameWasSharedAndNamesGovernmentsAlike() throws Exception {
        String schema = "v47_legacy_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        String url;
        String user;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        // the embedded database's password is generated at first start and set on the pool, not in a property
        String pass = dataSource instanceof com.zaxxer.hikari.HikariDataSource pool && pool.getPassword() != null ? pool.getPassword() : password;
        var ds = new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + ",public", user, pass);
        JdbcClient db = JdbcClient.create(ds);
        try {
            Flyway.configure().dataSource(ds).schemas(schema).createSchemas(true).locations("classpath:db/migration")
                    .target("46").load().migrate();
            db.sql("""
                    insert into region (code, parent_code, level, kind, name, list_version) values
                        ('64', null, 'PROVINCE', null, 'Kalimantan Timur', 't'),
                        ('64.02', '64', 'REGENCY', 'KABUPATEN', 'Kabupaten Kutai Kartanegara', 't'),
                        ('64.02.03', '64.02', 'DISTRICT', null, 'Loa Janan', 't'),
                        ('64.02.03.2001', '64.02.03', 'VILLAGE', 'DESA', 'Loa Duri Ulu', 't'),
                        ('64.02.03.2002', '64.02.03', 'VILLAGE', 'DESA', 'Loa Duri Ilir', 't')""").update();
            db.sql("""
                    insert into payer (code, kind, name, region_code, contact) values
                        ('APBDES:64.02.03.2002', 'APBDES', 'Pemerintah Loa Duri Ilir', '64.02.03.2002', null),
                        ('APBD:64', 'APBD', 'Pemerintah Kalimantan Timur', '64', null),
                        ('EMPLOYER:CV MAJU JAYA', 'EMPLOYER', 'CV Maju Jaya', '64.02.03.2001', 'Pak Budi 0812'),
                        ('DONOR:CSR BANK', 'DONOR', 'CSR Bank', '64.02.03.2002', null),
                        ('EMPLOYER:PT SURYA / ABADI', 'EMPLOYER', 'PT Surya / Abadi', '64.02.03.2001', null),
                        ('EMPLOYER:PT SURYA ABADI', 'EMPLOYER', 'PT Surya Abadi', '64.02.03.2001', null),
                        ('EMPLOYER:12:30 CATERING', 'EMPLOYER', '12:30 Catering', '64.02.03.2002', null)""").update();
            long workerA = worker(db, "6402030101800001", A);
            long workerB = worker(db, "6402030101800002", B);
            long legacy = id(db, "EMPLOYER:CV MAJU JAYA");
            term(db, workerA, A, legacy);
            term(db, workerB, B, legacy);
            // two old codes that the new name key makes one, in one village: one payer afterwards, none lost
            long older = id(db, "EMPLOYER:PT SURYA / ABADI");
            long younger = id(db, "EMPLOYER:PT SURYA ABADI");
            long workerC = worker(db, "6402030101800003", A);
            term(db, workerC, A, younger);

            Flyway.configure().dataSource(ds).schemas(schema).locations("classpath:db/migration").load().migrate();

            assertThat(id(db, "EMPLOYER:" + A + ":CV MAJU JAYA")).isEqualTo(legacy);
            long own = id(db, "EMPLOYER:" + B + ":CV MAJU JAYA");
            assertThat(own).isNotEqualTo(legacy);
            assertThat(db.sql("select count(*) from payer where code = 'EMPLOYER:CV MAJU JAYA'").query(Long.class).single()).isZero();
            assertThat(payersOfTerms(db, workerA)).containsExactly(java.util.List.of(legacy, legacy));
            // a dated change: the months up to the cut-over stay with the payer they were billed to
            java.time.LocalDate cutover = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).withDayOfMonth(1).plusMonths(1);
            assertThat(payersOfTerms(db, workerB)).containsExactly(java.util.List.of(legacy, legacy), java.util.List.of(own, own));
            assertThat(periodsOfTerms(db, workerB)).containsExactly("2024-01-01/" + cutover + "/CHANGED", cutover + "/open/-");

            assertThat(id(db, "EMPLOYER:" + A + ":PT SURYA ABADI")).isEqualTo(older);
            assertThat(id(db, "EMPLOYER:" + A + ":PT SURYA ABADI#" + younger)).isEqualTo(younger);
            assertThat(payersOfTerms(db, workerC)).containsExactly(java.util.List.of(younger, younger), java.util.List.of(older, older));
            assertThat(db.sql("select region_code || '|' || name from payer where id = ?").param(own).query(String.class).single())
                    .isEqualTo(B + "|CV Maju Jaya");
            assertThat(db.sql("select contact_person from payer where id = ?").param(legacy).query(String.class).single())
                    .isEqualTo("Pak Budi 0812");
            assertThat(id(db, "DONOR:" + B + ":CSR BANK")).isPositive();
            assertThat(id(db, "EMPLOYER:" + B + ":12:30 CATERING")).as("a name that starts like a region code").isPositive();

            Map<String, String> names = new java.util.TreeMap<>();
            db.sql("select code, name from payer where kind in ('APBDES', 'APBD')")
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
            assertThat(names).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                    "APBD:64", "Pemerintah Provinsi Kalimantan Timur",
                    "APBD:64.02", "Pemerintah Kabupaten Kutai Kartanegara",
                    "APBDES:" + A, "Pemerintah Desa Loa Duri Ulu",
                    "APBDES:" + B, "Pemerintah Desa Loa Duri Ilir")));
        } finally {
            db.sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    private static long worker(JdbcClient db, String nik, String village) {
        return db.sql("""
                insert into worker (nik, full_name, sex, birth_date, village_code, category, created_by)
                values (?, 'Pekerja', 'L', date '1980-01-01', ?, 'BURUH', 'test') returning id""")
                .params(nik, village).query(Long.class).single();
    }

    private static void term(JdbcClient db, long worker, String village, long payer) {
        db.sql("""
                insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                                             worker_payer_id, valid_from, created_by)
                values (?, ?, 'JKK', 'PU', 3000000, 'LOW', ?, ?, date '2024-01-01', 'test')""")
                .params(worker, village, payer, payer).update();
    }

    private static long id(JdbcClient db, String code) {
        return db.sql("select id from payer where code = ?").param(code).query(Long.class).single();
    }

    private static java.util.List<java.util.List<Long>> payersOfTerms(JdbcClient db, long worker) {
        return db.sql("select employer_payer_id, worker_payer_id from membership_term where worker_id = ? order by valid_from").param(worker)
                .query((rs, n) -> java.util.List.of(rs.getLong(1), rs.getLong(2))).list();
    }

    private static java.util.List<String> periodsOfTerms(JdbcClient db, long worker) {
        return db.sql("""
                select valid_from || '/' || coalesce(valid_to::text, 'open') || '/' || coalesce(end_reason, '-')
                from membership_term where worker_id = ? order by valid_from""").param(worker).query(String.class).list();
    }
}
