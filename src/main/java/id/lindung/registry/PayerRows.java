package id.lindung.registry;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statements that find or create the payer a membership names, shared by single registration
 * ({@link Workers}) and the bulk load ({@link BulkRegistration}) so both resolve a payer the same way.
 */
final class PayerRows {

    private PayerRows() {}

    /**
     * The name a new payer gets, over a row {@code s} with {@code payer_kind}, {@code payer_name} and a joined
     * region {@code r}: a government payer's name follows its region (V47's {@code government_payer_name}).
     */
    static final String NEW_NAME = """
            case when s.payer_kind in ('APBDES', 'APBD')
                 then coalesce(government_payer_name(r.level, r.kind, r.name), s.payer_name) else s.payer_name end""";

    /**
     * True when row {@code s} names an employer or donor already registered in its region under another code: one
     * renamed after it was created, found by the key of its current name.
     */
    static final String SAME_NAME_IN_REGION = """
            s.payer_kind in ('EMPLOYER', 'DONOR') and p.kind = s.payer_kind and p.region_code = s.payer_region
            and p.name_key = payer_name_key(s.payer_name)""";

    record Ensured(long id, boolean created) {}

    /** The payer's id: by its code, else (an employer or donor renamed since) by its name in its region, else created. */
    static Ensured ensure(JdbcClient jdbc, PayerRef payer) {
        var created = jdbc.sql("""
                with s as (select cast(:code as text) as payer_code, cast(:kind as text) as payer_kind,
                                  cast(:name as text) as payer_name, cast(:region as text) as payer_region)
                insert into payer (code, kind, name, region_code)
                select s.payer_code, s.payer_kind, %s, r.code
                from s join region_area r on r.code = s.payer_region
                where not exists (select 1 from payer p where p.code = s.payer_code)
                  and not exists (select 1 from payer p where %s)
                on conflict do nothing
                returning id""".formatted(NEW_NAME, SAME_NAME_IN_REGION))
                .param("code", payer.code()).param("kind", payer.kind()).param("name", payer.name())
                .param("region", payer.regionCode())
                .query(Long.class).optional();
        if (created.isPresent()) {
            return new Ensured(created.get(), true);
        }
        long id = jdbc.sql("""
                with s as (select cast(:kind as text) as payer_kind, cast(:name as text) as payer_name,
                                  cast(:region as text) as payer_region)
                (select p.id from payer p where p.code = :code)
                union all
                (select p.id from payer p, s where %s)
                limit 1""".formatted(SAME_NAME_IN_REGION))
                .param("code", payer.code()).param("kind", payer.kind()).param("name", payer.name())
                .param("region", payer.regionCode())
                .query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("Payer " + payer.code() + " of unknown region " + payer.regionCode()));
        return new Ensured(id, false);
    }
}
