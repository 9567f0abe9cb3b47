package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The overlap check of a statement that inserts many new workers' terms (V162's first form, the one every import of new
 * workers takes) is planned as one pass over the join, not as a nested loop of the transition table with itself: under
 * a bare LIMIT 1 the planner chose the loop for any large statement, and 1,000,000 terms compared every pair for more
 * than 15 minutes (V166). The statement is read from the function the database runs and explained inside a trigger
 * over a transition table of 500,000 terms: the loop's first row is costed the same at any size, a hash join's grows
 * with the terms, and from about 350,000 on the old statement was planned as the loop (a hash join at 200,000).
 */
@IntegrationTest
class TermOverlapPlanIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @Test
    void theOverlapCheckOfManyNewWorkersIsNotANestedLoopOfTheStatementsTermsWithThemselves() {
        String function = jdbc.sql("select pg_get_functiondef('membership_term_no_overlap'::regproc)").query(String.class).single();
        int from = function.indexOf("select a.worker_id");
        int to = function.indexOf("limit 1;", from) + "limit 1".length();
        String check = function.substring(from, to).replace("into clash", "");
        assertThat(check).contains("from new_terms a", "join new_terms b");

        String plan = new TransactionTemplate(transactions).execute(s -> {
            jdbc.sql("create temp table overlap_plan_terms (id bigint, worker_id bigint, program text, valid_from date, valid_to date) on commit drop")
                    .update();
            jdbc.sql("create temp table overlap_plan (plan text) on commit drop").update();
            jdbc.sql("""
                    create function pg_temp.overlap_plan_explain() returns trigger language plpgsql as $f$
                    declare r record;
                    begin
                        for r in execute 'explain ' || $q$""" + check + """
                    $q$ loop
                            insert into overlap_plan values (r."QUERY PLAN");
                        end loop;
                        return null;
                    end $f$""").update();
            jdbc.sql("""
                    create trigger overlap_plan_explain after insert on overlap_plan_terms referencing new table as new_terms
                    for each statement execute function pg_temp.overlap_plan_explain()""").update();
            jdbc.sql("""
                    insert into overlap_plan_terms
                    select i, i / 4, (array['JKK', 'JKM', 'JHT', 'JP'])[1 + i % 4], date '2025-01-01', null
                    from generate_series(1, 500000) i""").update();
            return String.join("\n", jdbc.sql("select plan from overlap_plan").query(String.class).list());
        });
        assertThat(plan).as(plan).doesNotContain("Nested Loop").containsAnyOf("Merge Join", "Hash Join");
    }
}
