package id.lindung.budget;

import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Parameter;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.regulation.Unit;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Values of yearly indexed parameters that are not published yet for a plan's year (docs/budget.md, "Projection"): the
 * last published value grown by the last known annual rate (last value ÷ the value before it), once per year after the
 * last value took effect, on the same day of the year, rounded down to Rp 100 as the published caps are. Pure.
 */
public final class ParameterProjection {

    /** The parameters indexed once a year (PP 45/2015 Pasal 29: the JP wage cap grows with last year's GDP). */
    public static final List<String> YEARLY_INDEXED = List.of("pu.jp.wageCap");

    private static final Rupiah STEP = Rupiah.of(100);

    private ParameterProjection() {}

    /** The catalog extended for {@code year}, and the projected values it holds beyond the published ones. */
    public record Extended(RegulationCatalog catalog, List<DatedValue> projected) {

        /** The ids of the parameters whose projected value is in force on {@code day}. */
        public List<String> projectedOn(LocalDate day) {
            return projected.stream().filter(v -> !v.from().isAfter(day)).map(DatedValue::parameter).distinct().sorted().toList();
        }
    }

    public static Extended forYear(RegulationCatalog catalog, int year) {
        LocalDate end = LocalDate.of(year, 12, 31);
        List<DatedValue> added = new ArrayList<>();
        for (String id : YEARLY_INDEXED) {
            if (!catalog.has(id)) {
                continue;
            }
            Parameter p = catalog.parameter(id);
            List<DatedValue> values = p.values();
            if (values.size() < 2 || values.get(values.size() - 1).until() != null || p.unit() != Unit.RUPIAH) {
                continue;
            }
            DatedValue last = values.get(values.size() - 1);
            BigDecimal growth = last.rupiah().toBigDecimal().divide(values.get(values.size() - 2).rupiah().toBigDecimal(), 12,
                    RoundingMode.HALF_EVEN);
            Rupiah value = last.rupiah();
            for (LocalDate from = last.from().plusYears(1); !from.isAfter(end); from = from.plusYears(1)) {
                value = Rupiah.of(value.toBigDecimal().multiply(growth), RoundingMode.DOWN).roundToMultipleOf(STEP, RoundingMode.DOWN);
                Reference ref = new Reference(id, "Projection: " + last.reference().regulation(), null, last.reference().sources(),
                        false, "Projected by Lindung: last published value " + last.rupiah().toNumber().toPlainString() + " ("
                        + last.from() + ") grown by the last annual rate " + growth.subtract(BigDecimal.ONE).movePointRight(2)
                        .setScale(4, RoundingMode.HALF_EVEN).toPlainString() + "% per year, rounded down to Rp 100",
                        null);
                added.add(new DatedValue(id, from, null, Unit.RUPIAH, value.toBigDecimal().stripTrailingZeros().toPlainString(),
                        ref, "projection"));
            }
        }
        return new Extended(added.isEmpty() ? catalog : catalog.withAppended(added), List.copyOf(added));
    }
}
