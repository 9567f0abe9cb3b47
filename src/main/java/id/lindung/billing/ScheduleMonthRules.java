package id.lindung.billing;

import id.lindung.contribution.ContributionCalculator;
import id.lindung.contribution.ContributionSchedule;
import id.lindung.shared.Rate;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The month's billing rules from the contribution schedule of the regulation catalog, so that the SQL of
 * a billing run applies exactly the payable rates, caps and bands the calculator uses (rounded half-up
 * to whole rupiah per share, as ContributionSchedule.SHARE_ROUNDING).
 */
@Component
class ScheduleMonthRules implements MonthRulesSource {

    /** How the billing rule codes of the regulation data read on a bill. */
    private static final Map<String, String> PARTIAL_MONTH_RULES = Map.of("WHOLE_MONTH_IF_ACTIVE_ANY_DAY",
            "Sebulan penuh untuk setiap bulan yang kepesertaannya aktif paling sedikit satu hari "
                    + "(peserta masuk atau keluar di tengah bulan ditagih sebulan penuh)");

    private final ContributionCalculator calculator;
    private final Map<YearMonth, MonthRules> cache = new ConcurrentHashMap<>();

    ScheduleMonthRules(ContributionCalculator calculator) {
        this.calculator = calculator;
    }

    @Override
    public MonthRules forMonth(YearMonth month) {
        return cache.computeIfAbsent(month, this::build);
    }

    private MonthRules build(YearMonth month) {
        ContributionSchedule s = calculator.schedule(month);
        if (!PARTIAL_MONTH_RULES.containsKey(s.partialMonthRule())) {
            // the run's SQL implements these rules only: a new rule in the data must not be billed by the old one
            throw new IllegalStateException("billing.partialMonth " + s.partialMonthRule() + " for " + month
                    + " is not supported by the billing run; supported: " + PARTIAL_MONTH_RULES.keySet());
        }
        boolean relief = s.inRelief();
        List<RateRow> rows = new ArrayList<>();
        for (RiskGroup risk : RiskGroup.values()) {
            for (boolean labourIntensive : new boolean[] {false, true}) {
                RateRow row = rate("JKK", "PU", "EMPLOYER", risk.name(), labourIntensive, s.jkkRate(risk, labourIntensive), null);
                rows.addAll(relief ? withAndWithoutRelief(row, fraction(s.jkkRateWithoutRelief(risk, labourIntensive)), false) : List.of(row));
            }
        }
        RateRow jkm = rate("JKM", "PU", "EMPLOYER", null, null, s.jkmRate(), null);
        rows.addAll(relief ? withAndWithoutRelief(jkm, fraction(s.jkmRateWithoutRelief()), false) : List.of(jkm));
        rows.add(rate("JHT", "PU", "EMPLOYER", null, null, s.jhtEmployerRate(), null));
        rows.add(rate("JHT", "PU", "WORKER", null, null, s.jhtWorkerRate(), null));
        RateRow jpEmployer = rate("JP", "PU", "EMPLOYER", null, null, s.jpEmployerRate(), s.jpWageCap());
        RateRow jpWorker = rate("JP", "PU", "WORKER", null, null, s.jpWorkerRate(), s.jpWageCap());
        rows.addAll(relief ? withAndWithoutRelief(jpEmployer, fraction(s.jpEmployerRateWithoutRelief()), true) : List.of(jpEmployer));
        rows.addAll(relief ? withAndWithoutRelief(jpWorker, fraction(s.jpWorkerRateWithoutRelief()), true) : List.of(jpWorker));
        BigDecimal step = "FLOOR".equals(s.bpuBandBasis()) ? s.bpuBandWidth().toBigDecimal() : null;
        BigDecimal min = s.bpuIncomeMin().toBigDecimal();
        BigDecimal max = s.bpuIncomeMax().toBigDecimal();
        RateRow bpuJkk = new RateRow("JKK", "BPU", "WORKER", null, null, fraction(s.bpuJkkRate()), null, null, step, min, max);
        RateRow bpuJkm = new RateRow("JKM", "BPU", "WORKER", null, null, null, s.bpuJkmAmount().toBigDecimal(), null, null, null, null);
        if (relief) {
            rows.add(bpuJkk.withRelief(true, null));
            rows.add(new RateRow("JKK", "BPU", "WORKER", null, null, fraction(s.bpuJkkRateWithoutRelief()), null, null, step, min, max)
                    .withRelief(false, null));
            rows.add(bpuJkm.withRelief(true, null));
            rows.add(new RateRow("JKM", "BPU", "WORKER", null, null, null, s.bpuJkmAmountWithoutRelief().toBigDecimal(), null, null, null, null)
                    .withRelief(false, null));
        } else {
            rows.add(bpuJkk);
            rows.add(bpuJkm);
        }
        rows.add(new RateRow("JHT", "BPU", "WORKER", null, null, fraction(s.bpuJhtRate()), null, null, step, min, max));
        MonthRules.Relief reliefRule = relief
                ? new MonthRules.Relief(s.reliefPaidThroughCondition() == null ? null : YearMonth.from(s.reliefPaidThroughCondition()),
                        s::reliefApplies) : null;
        List<String> references = s.references().stream()
                .map(r -> r.parameter() + ": " + r.citation() + (r.verified() ? "" : " (BELUM TERVERIFIKASI)"))
                .distinct().toList();
        return new MonthRules(month, List.copyOf(rows), s.dueDate(Segment.PU), s.dueDate(Segment.BPU), 0,
                fraction(s.fineRate(Segment.PU)), fraction(s.fineRate(Segment.BPU)), s.bpuLapseUnpaidMonths(), s.bpuBackPaymentMonths(),
                PARTIAL_MONTH_RULES.getOrDefault(s.partialMonthRule(), s.partialMonthRule()), s.regulationVersion(), references,
                reliefRule, s.jpRepayment(),
                s.values().stream().collect(java.util.stream.Collectors.toMap(id.lindung.regulation.DatedValue::parameter, v -> v, (a, b) -> b)));
    }

    private static RateRow rate(String program, String segment, String share, String risk, Boolean labourIntensive,
                                Rate rate, Rupiah cap) {
        return new RateRow(program, segment, share, risk, labourIntensive, fraction(rate), null,
                cap == null ? null : cap.toBigDecimal(), null, null, null);
    }

    /**
     * A relief-month row twice: at the payable rate for the payers the relief applies to (JP also with its full rate,
     * so the line records the deferred part), and at the full rate for the others.
     */
    private static List<RateRow> withAndWithoutRelief(RateRow payable, BigDecimal fullRate, boolean recordsDeferral) {
        RateRow full = new RateRow(payable.program(), payable.segment(), payable.share(), payable.riskGroup(),
                payable.labourIntensive(), fullRate, null, payable.baseCap(), null, null, null);
        return List.of(payable.withRelief(true, recordsDeferral ? fullRate : null), full.withRelief(false, null));
    }

    static BigDecimal fraction(Rate rate) {
        return rate.percent().movePointLeft(2);
    }
}
