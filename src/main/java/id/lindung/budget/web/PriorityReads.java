package id.lindung.budget.web;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A plan's last kept prioritisation, as the prioritisation page shows it before a new run: its settings, how many it
 * chose, at what cost, and how many of them are enrolled. The caller has read the plan in its scope first.
 */
@Component
class PriorityReads {

    record Kept(BigDecimal budget, List<String> order, List<String> categoryRank, BigDecimal wage, List<String> programs,
                BigDecimal cost, long chosen, long enrolled, String candidates) {}

    private final JdbcClient jdbc;

    PriorityReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Kept> last(long planId) {
        return jdbc.sql("""
                select p.budget, p.ordering, p.category_rank, p.wage, p.programs, p.cost,
                       (select count(*) from budget_choice c where c.plan_id = p.plan_id)
                         + (select count(*) from budget_list_choice l where l.plan_id = p.plan_id),
                       (select count(*) from budget_enrolment e where e.plan_id = p.plan_id), p.candidates
                from budget_priority p where p.plan_id = ?""")
                .param(planId)
                .query((rs, n) -> new Kept(rs.getBigDecimal(1), list(rs.getArray(2)), list(rs.getArray(3)), rs.getBigDecimal(4),
                        list(rs.getArray(5)), rs.getBigDecimal(6), rs.getLong(7), rs.getLong(8), rs.getString(9)))
                .optional();
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
