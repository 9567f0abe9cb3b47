package id.lindung.coverage.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The Desa Sadar criterion in force on a date, from coverage_desa_sadar_rule (dated, cited data). */
@Component
public class DesaSadarRules {

    private final JdbcClient jdbc;

    DesaSadarRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rule in force on {@code date}; before the first rule, the first one (Desa Sadar began in 2017). */
    public DesaSadarRule on(LocalDate date) {
        return jdbc.sql("""
                select * from coverage_desa_sadar_rule
                order by (valid_from <= :d) desc, case when valid_from <= :d then valid_from end desc, valid_from
                limit 1""").param("d", java.sql.Date.valueOf(date))
                .query((rs, n) -> new DesaSadarRule(rs.getDate("valid_from").toLocalDate(), list(rs.getArray("required_present")),
                        list(rs.getArray("required_all")), list(rs.getArray("share_categories")),
                        rs.getBigDecimal("share_min_percent"), rs.getInt("near_miss_max"), rs.getString("regulation"),
                        rs.getString("sources")))
                .single();
    }

    private static List<String> list(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
