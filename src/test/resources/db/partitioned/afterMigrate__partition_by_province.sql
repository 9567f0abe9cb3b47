-- The single-node shape of a Citus cluster distributed by province (docs/scaling.md, docs/decisions/0009-*): the largest
-- worker-level tables become declaratively partitioned BY RANGE on their village code, one partition per province
-- ['NN', 'NN/') plus a default partition. A range on the code rather than a list on substr(code, 1, 2): every scoped
-- query of the application already filters "village_code >= :lo and village_code < :hi", and the planner prunes range
-- partitions with exactly that predicate, while it cannot prune a list partition on an expression with it.
--
-- Used by PartitionedSchemaIntegrationTests and PartitionedSchemaBenchmark only: a Flyway callback (after every
-- migration, whatever migrations later branches add) on a database of its own, never on the application's schema.
-- Generic on purpose: it copies each table's columns, checks, identity, indexes and triggers, recreates the views that
-- read it, and adds the partition key to every primary and unique key, as PostgreSQL requires (and Citus requires of
-- the distribution column). Foreign keys that point INTO a partitioned table cannot stay (they would need the partition
-- key in the referencing table): they are dropped and named in a notice. Idempotent: a partitioned table is left alone.
do $partition$
declare
    tabs constant text[] := array['membership_term', 'bill_line', 'paid_month'];
    key constant text := 'village_code';
    t text;
    rec record;
    stmt text;
begin
    if (select c.relkind from pg_class c where c.oid = 'bill_line'::regclass) = 'p' then
        return;
    end if;

    -- views and materialized views that read the tables, directly or through other views, in creation order
    create temp table partition_views on commit drop as
    with recursive deps(oid) as (
        select r.ev_class from pg_depend d join pg_rewrite r on r.oid = d.objid
        where d.classid = 'pg_rewrite'::regclass and d.refobjid = any (select x::regclass from unnest(tabs) x)
          and r.ev_class <> d.refobjid
        union
        select r.ev_class from pg_depend d join pg_rewrite r on r.oid = d.objid join deps on d.refobjid = deps.oid
        where d.classid = 'pg_rewrite'::regclass and r.ev_class <> d.refobjid
    )
    select c.oid, c.oid::regclass::text as name, c.relkind, pg_get_viewdef(c.oid) as def, c.reloptions,
           obj_description(c.oid, 'pg_class') as comment,
           (select array_agg(i.indexdef) from pg_indexes i where i.schemaname = 'public' and i.tablename = c.relname) as indexes
    from (select distinct oid from deps) d join pg_class c on c.oid = d.oid;
    for rec in select * from partition_views order by oid desc loop
        execute format('drop %s if exists %s cascade', case rec.relkind when 'm' then 'materialized view' else 'view' end, rec.name);
    end loop;

    foreach t in array tabs loop
        -- what the new table must get again: keys, indexes, foreign keys out of it, triggers
        create temp table partition_ddl (seq serial, ddl text) on commit drop;
        -- primary and unique keys, with the partition key added when missing
        insert into partition_ddl (ddl)
        select format('alter table %I add constraint %I %s (%s)', t, c.conname,
                      case c.contype when 'p' then 'primary key' else 'unique' end,
                      (select string_agg(quote_ident(a.attname), ', ' order by k.n)
                       from unnest(c.conkey) with ordinality k(att, n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.att)
                      || case when exists (select 1 from unnest(c.conkey) k(att) join pg_attribute a
                                           on a.attrelid = c.conrelid and a.attnum = k.att where a.attname = key)
                              then '' else ', ' || key end)
        from pg_constraint c where c.conrelid = t::regclass and c.contype in ('p', 'u');
        -- indexes that back no constraint; a unique one gets the partition key as its last column
        insert into partition_ddl (ddl)
        select case when not i.indisunique or exists (select 1 from pg_attribute a where a.attrelid = i.indrelid
                                                        and a.attname = key and a.attnum = any (i.indkey::int2[]))
                    then pg_get_indexdef(i.indexrelid)
                    else format('create unique index %I on %I (%s, %s)%s', ic.relname, t,
                                (select string_agg(pg_get_indexdef(i.indexrelid, k, true), ', ' order by k)
                                 from generate_series(1, i.indnkeyatts) k), key,
                                coalesce(' where ' || pg_get_expr(i.indpred, i.indrelid, true), ''))
               end
        from pg_index i join pg_class ic on ic.oid = i.indexrelid
        where i.indrelid = t::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
        -- index options (for example the trigram index's pending list) come with pg_get_indexdef
        insert into partition_ddl (ddl)
        select format('alter table %I add constraint %I %s', t, c.conname, pg_get_constraintdef(c.oid))
        from pg_constraint c where c.conrelid = t::regclass and c.contype = 'f';
        insert into partition_ddl (ddl)
        select pg_get_triggerdef(g.oid) from pg_trigger g where g.tgrelid = t::regclass and not g.tgisinternal;
        for rec in select c.conname, c.conrelid::regclass::text as child from pg_constraint c
                 where c.confrelid = t::regclass and c.contype = 'f' loop
            raise notice 'partitioned shape: foreign key % of % to % dropped (it would need the partition key)', rec.conname, rec.child, t;
        end loop;

        execute format('alter table %I rename to %I', t, t || '_plain');
        execute format('create table %I (like %I including defaults including constraints including identity including generated '
                       'including storage including comments including statistics) partition by range (%I)', t, t || '_plain', key);
        for rec in select code from region where level = 'PROVINCE' order by code loop
            execute format('create table %I partition of %I for values from (%L) to (%L)', t || '_p' || rec.code, t, rec.code, rec.code || '/');
        end loop;
        execute format('create table %I partition of %I default', t || '_other', t);
        execute format('insert into %I overriding system value select * from %I', t, t || '_plain');
        for rec in select a.attname from pg_attribute a where a.attrelid = t::regclass and a.attidentity <> '' loop
            execute format('select setval(pg_get_serial_sequence(%L, %L), coalesce((select max(%I) from %I), 0) + 1, false)',
                           t, rec.attname, rec.attname, t);
        end loop;
        execute format('drop table %I cascade', t || '_plain');
        for stmt in select ddl from partition_ddl order by seq loop
            execute stmt;
        end loop;
        drop table partition_ddl;
    end loop;

    for rec in select * from partition_views order by oid loop
        execute format('create %s %s%s as %s', case rec.relkind when 'm' then 'materialized view' else 'view' end, rec.name,
                       coalesce(' with (' || array_to_string(rec.reloptions, ', ') || ')', ''), rtrim(rec.def, ';'));
        if rec.relkind = 'm' and rec.indexes is not null then
            for stmt in select unnest(rec.indexes) loop
                execute stmt;
            end loop;
        end if;
        if rec.comment is not null then
            execute format('comment on %s %s is %L', case rec.relkind when 'm' then 'materialized view' else 'view' end, rec.name, rec.comment);
        end if;
    end loop;
end
$partition$;
