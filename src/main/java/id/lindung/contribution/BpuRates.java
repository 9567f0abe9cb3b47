package id.lindung.contribution;

import static id.lindung.contribution.ContributionSchedule.SHARE_ROUNDING;

import id.lindung.regulation.Reference;
import id.lindung.shared.Programme;
import id.lindung.shared.Rate;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rupiah;
import java.math.RoundingMode;
import java.util.List;

/**
 * The BPU participants' amounts of one contribution month, all paid by the participant: the income band that makes
 * the contribution basis, and the JKK and JKM amounts payable (with the month's relief) and full.
 */
final class BpuRates {

    private final ValuesInForce values;
    private final Rate bpuJkkFull;
    private final Rupiah bpuJkmFull;
    private final Rate bpuJkkRate;
    private final Rupiah bpuJkmAmount;
    private final Rate bpuJhtRate;
    private final Rupiah bpuIncomeMin;
    private final Rupiah bpuIncomeMax;
    private final Rupiah bpuBandWidth;
    private final String bpuBandBasis;
    private final List<Reference> bpuJkkRefs;
    private final List<Reference> bpuJkmRefs;
    private final List<Reference> bpuJhtRefs;

    /**
     * Takes the full JKK rate and JKM amount already read, and reads JHT and the income band (the order of
     * {@link ValuesInForce}: the relief's conditions stand between them).
     */
    BpuRates(ValuesInForce values, Rate reliefPayable, Rate bpuJkkFull, Rupiah bpuJkmFull) {
        this.values = values;
        this.bpuJkkFull = bpuJkkFull;
        this.bpuJkmFull = bpuJkmFull;
        bpuJkkRate = bpuJkkFull.times(reliefPayable);
        bpuJkmAmount = reliefPayable.applyTo(bpuJkmFull, SHARE_ROUNDING);
        bpuJhtRate = values.rate("bpu.jht.rate");
        bpuIncomeMin = values.rupiah("bpu.income.min");
        bpuIncomeMax = values.rupiah("bpu.income.max");
        bpuBandWidth = values.rupiah("bpu.income.bandWidth");
        bpuBandBasis = values.value("bpu.income.bandBasis").code();
        if (!bpuBandBasis.equals("FLOOR") && !bpuBandBasis.equals("EXACT")) {
            throw new IllegalStateException("bpu.income.bandBasis " + bpuBandBasis + " is not FLOOR or EXACT");
        }
        boolean relief = !reliefPayable.equals(Rate.WHOLE);
        bpuJkkRefs = values.refs("bpu.jkk.rate", "bpu.income.min", "bpu.income.max", "bpu.income.bandWidth", "bpu.income.bandBasis",
                relief ? "relief.jkkJkm.payableShare" : null);
        bpuJkmRefs = values.refs("bpu.jkm.amount", relief ? "relief.jkkJkm.payableShare" : null);
        bpuJhtRefs = values.refs("bpu.jht.rate", "bpu.income.bandWidth", "bpu.income.bandBasis");
    }

    /** One programme's line at the payable amounts. */
    ContributionLine line(Programme program, Rupiah declaredIncome) {
        return switch (program) {
            case JKK -> {
                Rupiah base = bpuBasis(declaredIncome);
                Rupiah worker = bpuJkkRate.applyTo(base, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JKK, base, Rupiah.ZERO, worker, worker, bpuJkkRefs, false);
            }
            case JKM -> new ContributionLine(Programme.JKM, bpuBasis(declaredIncome), Rupiah.ZERO, bpuJkmAmount, bpuJkmAmount, bpuJkmRefs, false);
            case JHT -> {
                Rupiah base = bpuBasis(declaredIncome);
                Rupiah worker = bpuJhtRate.applyTo(base, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JHT, base, Rupiah.ZERO, worker, worker, bpuJhtRefs, false);
            }
            case JP -> throw new RejectedException("BPU_JP_NOT_AVAILABLE", "JP (pension) is not available to BPU participants");
            case JKP -> throw new RejectedException("BPU_JKP_NOT_AVAILABLE", "JKP (job loss) is not available to BPU participants");
        };
    }

    /** The JKK or JKM line at the full amounts, for a participant who does not meet the relief month's conditions. */
    ContributionLine lineWithoutRelief(Programme program, Rupiah declaredIncome) {
        Rupiah base = bpuBasis(declaredIncome);
        Rupiah worker = program == Programme.JKK ? bpuJkkFull.applyTo(base, SHARE_ROUNDING) : bpuJkmFull;
        return new ContributionLine(program, base, Rupiah.ZERO, worker, worker, program == Programme.JKK
                ? values.refs("bpu.jkk.rate", "bpu.income.min", "bpu.income.max", "bpu.income.bandWidth", "bpu.income.bandBasis",
                        "relief.condition.paidThrough")
                : values.refs("bpu.jkm.amount", "relief.condition.paidThrough"), false);
    }

    Rupiah bpuBasis(Rupiah declaredIncome) {
        if (declaredIncome.isLessThan(bpuIncomeMin) || declaredIncome.isGreaterThan(bpuIncomeMax)) {
            throw new RejectedException("BPU_INCOME_OUT_OF_RANGE", "declared income " + declaredIncome + " is outside "
                    + bpuIncomeMin + " to " + bpuIncomeMax);
        }
        return bpuBandBasis.equals("FLOOR") ? declaredIncome.roundToMultipleOf(bpuBandWidth, RoundingMode.FLOOR) : declaredIncome;
    }

    Rate bpuJkkRateWithoutRelief() {
        return bpuJkkFull;
    }

    Rupiah bpuJkmAmountWithoutRelief() {
        return bpuJkmFull;
    }

    Rate bpuJkkRate() {
        return bpuJkkRate;
    }

    Rupiah bpuJkmAmount() {
        return bpuJkmAmount;
    }

    Rate bpuJhtRate() {
        return bpuJhtRate;
    }

    Rupiah bpuIncomeMin() {
        return bpuIncomeMin;
    }

    Rupiah bpuIncomeMax() {
        return bpuIncomeMax;
    }

    Rupiah bpuBandWidth() {
        return bpuBandWidth;
    }

    String bpuBandBasis() {
        return bpuBandBasis;
    }
}
