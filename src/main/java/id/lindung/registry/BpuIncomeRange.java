package id.lindung.registry;

import id.lindung.regulation.RegulationCatalog;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The declared income a BPU participant may choose, from the regulation in force on a date, so that
 * registration and import refuse what the calculator and billing would refuse.
 */
@Component
public class BpuIncomeRange {

    private final RegulationCatalog catalog;

    BpuIncomeRange(RegulationCatalog catalog) {
        this.catalog = catalog;
    }

    /** {min, max} in rupiah. */
    public BigDecimal[] range(LocalDate on) {
        return new BigDecimal[] {catalog.valueOn("bpu.income.min", on).rupiah().toBigDecimal(),
                catalog.valueOn("bpu.income.max", on).rupiah().toBigDecimal()};
    }
}
