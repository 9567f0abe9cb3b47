package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The read views the registry publishes (V53): what they say, and that they cost what their table costs. */
@IntegrationTest
class RegistryPublishedViewsIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void aTermIsContinuedExactlyWhenItsEndReasonSaysASuccessorTakesOver() {
        Map<String, Boolean> continued = new HashMap<>();
        tx.executeWithoutResult(status -> {
            long worker = jdbc.sql("""
                    insert into worker (nik, full_name, sex, birth_date, village_code, category, created_by)
                    values ('6402039912990001', 'Uji Tampilan', 'L', date '1990-01-01', '64.02.03.2007', 'PETANI', 'test')
                    returning id""").query(Long.class).single();
            long payer = jdbc.sql("select id from payer where code = 'APBDES:64.02.03.2007'").query(Long.class).single();
            LocalDate from = LocalDate.of(2001, 1, 1);
            for (EndReason reason : EndReason.values()) {
                jdbc.sql("""
                        insert into membership_term (worker_id, village_code, program, segment, wage, worker_payer_id,
                                                     valid_from, valid_to, end_reason, created_by)
                        values (?, '64.02.03.2007', 'JKK', 'BPU', 1000000, ?, ?, ?, ?, 'test')""")
                        .params(worker, payer, from, from.plusYears(1), reason.name()).update();
                from = from.plusYears(1);
            }
            jdbc.sql("""
                    insert into membership_term (worker_id, village_code, program, segment, wage, worker_payer_id, valid_from, created_by)
                    values (?, '64.02.03.2007', 'JKK', 'BPU', 1000000, ?, ?, 'test')""").params(worker, payer, from).update();
            jdbc.sql("select coalesce(end_reason, 'OPEN'), continued from registry_membership_term where worker_id = ?").param(worker)
                    .query((rs, n) -> continued.put(rs.getString(1), rs.getBoolean(2))).list();
            status.setRollbackOnly();
        });
        assertThat(continued).hasSize(EndReason.values().length + 1).containsEntry("OPEN", false);
        for (EndReason reason : EndReason.values()) {
            assertThat(continued.get(reason.name())).as(reason.name()).isEqualTo(reason.continued());
        }
    }

    @Test
    void aQueryOnAPublishedViewPlansExactlyLikeTheSameQueryOnItsTable() {
        List<String[]> pairs = List.of(
                new String[] {"select id from registry_worker where nik = '6402031708850001'", "select id from worker w where nik = '6402031708850001'"},
                new String[] {"select t.program, p.code from registry_membership_term t join registry_payer p on p.id = t.worker_payer_id where t.worker_id = 42",
                        "select t.program, p.code from membership_term t join payer p on p.id = t.worker_payer_id where t.worker_id = 42"},
                new String[] {"select count(*) from registry_membership_term t where t.valid_from < date '2025-07-01' and (t.valid_to is null or t.valid_to >= date '2025-07-01' or not t.continued)",
                        "select count(*) from membership_term t where t.valid_from < date '2025-07-01' and (t.valid_to is null or t.valid_to >= date '2025-07-01' or t.end_reason not in ('CHANGED', 'TRANSFERRED'))"});
        for (String[] pair : pairs) {
            String onView = plan(pair[0]);
            assertThat(onView).as(pair[0]).isEqualTo(plan(pair[1]));
        }
    }

    /** The plan's nodes (filter texts differ only in how {@code continued} is spelt out). */
    private String plan(String sql) {
        return String.join("\n", jdbc.sql("explain (costs off) " + sql).query(String.class).list().stream()
                .filter(line -> !line.trim().startsWith("Filter:")).toList());
    }
}
