package id.lindung.registry;

import id.lindung.regulation.DatedValue;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Segment;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The wage assumed for a membership that states none, from the regulation data in force on its start date
 * (regulations/village-wages.yaml): for a wage earner (PU) the parameter its category names (the minimum siltap for a
 * village head and other perangkat, the villages' flat basis for other categories), and the lowest declared income for
 * an informal participant (BPU).
 */
@Component
public class DefaultWages {

    private final RegulationCatalog catalog;

    DefaultWages(RegulationCatalog catalog) {
        this.catalog = catalog;
    }

    /** The default wage on {@code on}; empty when the data has none in force then (the wage must then be given). */
    public java.util.Optional<Rupiah> wage(WorkerCategory category, Segment segment, LocalDate on) {
        return value(category, segment, on).map(DatedValue::rupiah);
    }

    /**
     * The regulation value the default wage on {@code on} is: its parameter, since when and whether its sources settle it
     * (the villages' flat basis is a reporting practice, {@code verified: false}); empty when none is in force then.
     */
    public java.util.Optional<DatedValue> value(WorkerCategory category, Segment segment, LocalDate on) {
        String parameter = segment == Segment.BPU ? "bpu.income.min" : category.defaultWageParameter();
        try {
            return java.util.Optional.of(catalog.valueOn(parameter, on));
        } catch (id.lindung.regulation.NoRegulationInForceException e) {
            return java.util.Optional.empty();
        }
    }

    /** The message for a membership that gives no wage on a date with no default in force. */
    static String noDefault(LocalDate on) {
        return "no default wage is in force on " + on + " (regulations/village-wages.yaml); give the wage";
    }
}
