package id.lindung.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The villages generated benchmark registers spread over: every active desa, numbered, with its APBDes payer. */
public final class BenchVillages {

    private BenchVillages() {}

    /**
     * Gives every active desa its village-budget payer and numbers the desas in a temporary table
     * {@code bench_village (n, code, payer)} that the generator's statements join; returns how many there are.
     */
    public static int seed(JdbcClient jdbc) {
        jdbc.sql("""
                insert into payer (code, kind, name, region_code)
                select 'APBDES:' || code, 'APBDES', 'Pemerintah Desa ' || name, code from region
                where kind = 'DESA' and active on conflict (code) do nothing""").update();
        jdbc.sql("""
                create temp table bench_village as
                select row_number() over (order by code) as n, code, (select id from payer where payer.code = 'APBDES:' || region.code) as payer
                from region where kind = 'DESA' and active""").update();
        return jdbc.sql("select count(*) from bench_village").query(Integer.class).single();
    }
}
