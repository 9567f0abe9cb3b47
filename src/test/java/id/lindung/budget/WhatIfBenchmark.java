package id.lindung.budget;

import id.lindung.access.Actor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The national what-if over the whole official region list (83,762 villages and kelurahan): prints its time, asserts
 * nothing about it. Run: {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=WhatIfBenchmark}.
 */
@Tag("benchmark")
@IntegrationTest
class WhatIfBenchmark {

    @Autowired WhatIf whatIf;

    @Test
    @SuppressWarnings("unchecked")
    void nationalWhatIf() {
        Actor national = TestUsers.actor("whatif-bench", Role.MONITOR, "ID");
        WhatIf.Policy policy = new WhatIf.Policy(null, true, 8, List.of("JKK", "JKM"), 10, new BigDecimal("1000000"), null, "APBDES", null);
        whatIf.run(policy, national); // warm-up
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Map<String, Object> r = whatIf.run(policy, national);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Map<String, Object> area = (Map<String, Object>) r.get("area");
            System.out.printf("what-if national: %d ms; %s desa, %s people, total Rp %s, %d provinces, %d regencies%n", ms,
                    area.get("desa"), area.get("people"), area.get("total"), ((List<?>) r.get("provinces")).size(),
                    ((List<?>) r.get("regencies")).size());
        }
    }
}
