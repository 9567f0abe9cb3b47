package id.lindung.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link NikCheck} against the district codes of the official hierarchy, loaded once in bulk. */
@Service
public class NikChecker {

    private final JdbcClient jdbc;
    private volatile Set<String> districts;
    private final Clock clock;

    NikChecker(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every district code (active or retired: a NIK keeps the code of the district that first issued it). */
    public Set<String> districtCodes() {
        Set<String> d = districts;
        if (d == null) {
            d = Set.copyOf(jdbc.sql("select code from region_area where level = 'DISTRICT'").query(String.class).list());
            districts = d;
        }
        return d;
    }

    public NikCheck.Result check(String nik) {
        return NikCheck.check(nik, districtCodes()::contains, today());
    }

    public NikCheck.Result check(String nik, Character sex, LocalDate birthDate) {
        return NikCheck.check(nik, districtCodes()::contains, sex, birthDate, today());
    }

    /** Today in the business time zone: the registry's default start and effective date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
