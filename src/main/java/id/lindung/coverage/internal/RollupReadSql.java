package id.lindung.coverage.internal;

/** The reads of the coverage rollups: counts, desa, money and the Desa Sadar people of groups on a date. */
final class RollupReadSql {

    private RollupReadSql() {}

    /** Counts of groups kept as per-day changes: the sum of the changes up to the date. */
    static final String COUNTS_FROM_DELTAS = """
            select grp, dim, key, sum(d_reg), sum(d_prot)
            from (select grp, dim, key, d_reg, d_prot from coverage_delta_month
                  where grp = any(cast(:groups as text[])) and month < :m
                  union all
                  select grp, dim, key, d_reg, d_prot from coverage_delta
                  where grp = any(cast(:groups as text[])) and day >= :m and day <= :d) x
            group by grp, dim, key
            having sum(d_reg) <> 0 or sum(d_prot) <> 0
            """;

    /**
     * Counts of districts and villages: the per-day changes of the levelled ones ({@code :levelled}), the spans covering
     * the date of the others ({@code :small}), and the Desa Sadar spans of all ({@code :groups}).
     * <p>
     * The spans are read per group by a lateral subquery that cannot be flattened ({@code offset 0}): as a join on the
     * code range the planner cannot estimate how few spans a handful of villages hold, and from about 100,000 spans on
     * it scanned every span of the country and tested each against each group (1.3 s for a district's villages at
     * 1,000,000 workers, docs/benchmarks.md); per group it is an index range scan on {@code (village_code, from_day)}.
     */
    static final String COUNTS_BELOW_REGENCY = COUNTS_FROM_DELTAS.replace(":groups", ":levelled") + """
            union all
            select g.grp, k.dim, k.key, count(*), count(*) filter (where k.prot)
            from unnest(cast(:small as text[])) g (grp)
            cross join lateral (
                select s.protected, s.payer_kind, s.segment, s.category, s.apparatus, s.poverty, s.reg_programs, s.prot_programs
                from coverage_worker_span s
                where s.village_code >= g.grp and s.village_code < g.grp || '/'
                  and s.from_day <= :d and (s.to_day is null or s.to_day > :d)
                offset 0) s
            """ + CountRollupSql.EXPAND + """
            group by 1, 2, 3
            union all
            select g.grp, 'DESA_SADAR', '', count(*), 0
            from unnest(cast(:groups as text[])) g (grp)
            join coverage_desa_sadar_span s on s.village_code >= g.grp and s.village_code < g.grp || '/'
            where not s.near and s.from_day <= :d and (s.to_day is null or s.to_day > :d)
            group by 1
            """;

    static final String DESA = """
            select left(r.code, :glen), count(*)
            from region_area r
            where r.active and r.level = 'VILLAGE' and r.kind = 'DESA' and r.code >= :lo and r.code < :hi
            group by 1
            """;

    /** Money of the groups by payer kind, as IndicatorSql.MONEY answers it. */
    static final String MONEY_FROM_LEVELS = """
            select grp, kind, coalesce(sum(billed), 0), coalesce(sum(paid) filter (where day <= :to), 0)
            from coverage_money where grp = any(cast(:groups as text[])) and month >= :mfrom and month <= :mto
            group by grp, kind
            """;

    static final String MONEY_FROM_VILLAGES = """
            select left(village_code, :glen), kind, coalesce(sum(billed), 0), coalesce(sum(paid) filter (where day <= :to), 0)
            from coverage_money_village
            where village_code >= :lo and village_code < :hi and month >= :mfrom and month <= :mto
            group by 1, 2
            """;

    /**
     * The people of the Desa Sadar categories in each desa on the date, as IndicatorSql.DESA_SADAR_PEOPLE finds them, by
     * worker id only: a verdict needs the category and the protection, and only the people it lists missing need a
     * name. Joining every official's name and sorting them by it cost the nation's list a hash join and a sort spilled
     * to disk over 315,068 officials (1.06 s of the database's time at 334,988 workers, docs/benchmarks.md "Desa Sadar
     * of the nation"), to name the few of the near misses.
     */
    static final String DESA_SADAR_OFFICIALS = """
            select s.village_code, s.category, s.protected, s.worker_id
            from coverage_worker_span s
            where s.village_code >= :lo and s.village_code < :hi and s.from_day <= :d and (s.to_day is null or s.to_day > :d)
              and s.payer_kind is not null and s.category = any(cast(:cats as text[]))
            """;

    /**
     * {@link #DESA_SADAR_OFFICIALS} of the desa that are near misses on the date only (their kept near-miss spans, V185):
     * the near-miss list of the nation reads a few hundred people, not every kepala desa and perangkat desa.
     */
    static final String DESA_NEAR_OFFICIALS = """
            select s.village_code, s.category, s.protected, s.worker_id
            from coverage_desa_sadar_span n
            join coverage_worker_span s on s.village_code = n.village_code
            where n.near and n.village_code >= :lo and n.village_code < :hi and n.from_day <= :d and (n.to_day is null or n.to_day > :d)
              and s.from_day <= :d and (s.to_day is null or s.to_day > :d)
              and s.payer_kind is not null and s.category = any(cast(:cats as text[]))
            """;

    /** The NIK and name of the workers a verdict lists missing. */
    static final String NAMES = """
            select rw.id, rw.nik, rw.full_name from registry_worker rw where rw.id = any(cast(:ids as bigint[]))
            order by rw.full_name, rw.id
            """;
}
