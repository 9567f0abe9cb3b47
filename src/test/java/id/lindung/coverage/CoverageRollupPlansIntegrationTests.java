package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.coverage.internal.CoverageRollups;
import id.lindung.coverage.internal.RollupReads;
import id.lindung.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plans of the rollup reads, on a register the size where they went wrong: a district's villages (and a small
 * district) are read from their own spans through the {@code (village_code, from_day)} index, never by scanning every
 * span of the country. At 1,000,000 workers the join on the code range was planned as a parallel scan of all 3 million
 * spans, each tested against each village: 1.3 s for the children of a district (docs/benchmarks.md). The spans are
 * written and analysed in a transaction that is rolled back, so no other test sees them, and the table is measured
 * again afterwards.
 */
@IntegrationTest
class CoverageRollupPlansIntegrationTests {

    static final String DISTRICT = "91.01.01";

    @Autowired JdbcClient jdbc;
    @Autowired CoverageRollups rollups;
    @Autowired RollupReads rolledUp;
    @Autowired TransactionTemplate transactions;

    @Test
    void theVillagesOfADistrictAreReadFromTheirSpansByIndexNotByScanningEverySpan() {
        transactions.executeWithoutResult(tx -> {
            // 60,000 workers over 3,000 villages of other provinces, each with a history of three spans (two closed,
            // one unprotected), as lapses and payments split them: a national register in miniature
            jdbc.sql("""
                    insert into coverage_worker_span (worker_id, village_code, from_day, to_day, segment, payer_kind, category,
                        apparatus, poverty, protected, reg_programs, prot_programs)
                    select -w, format('%s.%s.%s.%s', 11 + w % 20, lpad((1 + w / 20 % 20)::text, 2, '0'),
                               lpad((1 + w / 400 % 10)::text, 2, '0'), 2001 + w / 4000 % 5),
                           date '2026-01-01' + i * 120, case when i < 2 then date '2026-01-01' + i * 120 + 120 end,
                           'BPU', 'APBD', 'PETANI', null, null, i <> 1, '{JKK,JKM}', '{JKK,JKM}'
                    from generate_series(1, 60000) w cross join generate_series(0, 2) i""").update();
            jdbc.sql("analyze coverage_worker_span").update();
            List<String> villages = List.of(DISTRICT + ".2001", DISTRICT + ".2002", DISTRICT + ".2003", DISTRICT + ".2004",
                    DISTRICT + ".2005", DISTRICT + ".2006");
            MapSqlParameterSource ofVillages = rolledUp.countParams(DISTRICT, DISTRICT + "/", 13, villages, LocalDate.of(2026, 12, 3));
            MapSqlParameterSource ofDistrict = rolledUp.countParams("91.01", "91.01/", 8, List.of(DISTRICT), LocalDate.of(2026, 6, 15));
            for (MapSqlParameterSource params : List.of(ofVillages, ofDistrict)) {
                String plan = String.join("\n", jdbc.sql("explain " + RollupReads.countsSql((int) params.getValue("glen")))
                        .paramSource(params).query(String.class).list());
                assertThat(plan).contains("coverage_worker_span_village_idx")
                        .doesNotContain("Seq Scan on coverage_worker_span");
            }
            tx.setRollbackOnly();
        });
        // ANALYZE wrote the table's size in place, outside the transaction: measure it again without the spans
        jdbc.sql("vacuum analyze coverage_worker_span").update();
    }
}
