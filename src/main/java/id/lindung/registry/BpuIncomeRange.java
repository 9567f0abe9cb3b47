package id.lindung.registry;

import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rupiah;
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

    /** The lowest and highest declared income, both allowed. */
    public record Range(Rupiah min, Rupiah max) {

        public boolean contains(Rupiah income) {
            return !income.isLessThan(min) && !income.isGreaterThan(max);
        }
    }

    public Range range(LocalDate on) {
        return new Range(catalog.valueOn("bpu.income.min", on).rupiah(), catalog.valueOn("bpu.income.max", on).rupiah());
    }
}
