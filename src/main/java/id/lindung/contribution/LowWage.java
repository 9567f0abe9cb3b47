package id.lindung.contribution;

import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.LocalDate;

/**
 * A wage earner's (PU) wage below what anyone is usually reported at: warned, never refused. RULES.md §1.4 sets no
 * floor (the basis is the wage the employer reports, else the UMK or UMP, and may lie below them where a law sets a
 * special minimum), and Lindung holds no UMK or UMP table. The usual least is the least income a BPU participant may
 * declare ({@code bpu.income.min}, Rp 1,000,000), which is also the flat basis villages report for RT/RW and kader
 * (RULES.md §3.2): a PU wage of Rp 100 is a typing slip far more often than a wage, and costs almost nothing.
 */
public final class LowWage {

    /** The warning's code, beside the field of the wage. */
    public static final String CODE = "WAGE_BELOW_USUAL_MINIMUM";

    private LowWage() {}

    /** The usual least monthly wage on a day. */
    public static Rupiah usualMinimum(RegulationCatalog catalog, LocalDate day) {
        return catalog.valueOn("bpu.income.min", day).rupiah();
    }

    /** The warning's sentence, beside the field of the wage (quotes, registration, the worker import). */
    public static String message(Rupiah wage, Rupiah usualMinimum) {
        return "wage " + wage.toNumber().toPlainString() + " is below " + usualMinimum.toNumber().toPlainString()
                + " rupiah, less than anyone is usually reported at; check it is the monthly wage, not a thousands figure";
    }

    /** True for a PU wage below {@code usualMinimum}; a BPU income has its own range, refused outside it. */
    public static boolean isLow(Segment segment, Rupiah wage, Rupiah usualMinimum) {
        return segment == Segment.PU && wage != null && wage.isLessThan(usualMinimum);
    }
}
