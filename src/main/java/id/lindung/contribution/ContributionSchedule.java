package id.lindung.contribution;

import id.lindung.regulation.DatedValue;
import id.lindung.regulation.ProgrammeNotYetInForceException;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.Rate;
import id.lindung.shared.RejectedException;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every contribution parameter in force for one contribution month, resolved once from the catalog.
 * A contribution month takes the values in force on its first day.
 *
 * <p>The calculator computes every line through this class, and billing may apply the same rates in
 * SQL ({@code round(base × rate, half up)} per share, see docs/rounding.md): the two cannot disagree
 * because the rates exposed here are the ones the lines use. Rates for JKK, JKM and JP are the
 * <em>payable</em> rates, with the month's relief or discount already applied.
 */
public final class ContributionSchedule {

    /** Every share is rounded to whole rupiah with this mode. */
    public static final RoundingMode SHARE_ROUNDING = RoundingMode.HALF_UP;

    private static final RiskGroup[] RISKS = RiskGroup.values();

    private final YearMonth month;
    private final Map<String, DatedValue> used = new LinkedHashMap<>();

    private final Rate[] jkkNormal = new Rate[RISKS.length];
    private final Rate[] jkkDiscounted = new Rate[RISKS.length];
    private final Rate jkkDiscount;
    private final Rate reliefPayable;
    private final Rate jkmRate;
    private final Rate jhtEmployer;
    private final Rate jhtWorker;
    private final Rate jpEmployer;
    private final Rate jpWorker;
    private final Rate jpDeferred;
    private final Rate[] jkkFull = new Rate[RISKS.length];
    private final Rate[] jkkDiscountedFull = new Rate[RISKS.length];
    private final Rate jkmFull;
    private final Rate jpEmployerFull;
    private final Rate jpWorkerFull;
    private final Rate bpuJkkFull;
    private final Rupiah bpuJkmFull;
    private final LocalDate reliefPaidThrough;
    private final LocalDate reliefNewParticipantAfter;
    private final int reliefNewParticipantFullMonths;
    private final LocalDate jpDeferredDueFrom;
    private final LocalDate jpDeferredDueUntil;
    private final JpRepayment jpRepayment;
    private final Rupiah jpCap;
    private final Jkp jkp;
    private final LocalDate jkpStart;
    private final Rate bpuJkkRate;
    private final Rupiah bpuJkmAmount;
    private final Rate bpuJhtRate;
    private final Rupiah bpuIncomeMin;
    private final Rupiah bpuIncomeMax;
    private final Rupiah bpuBandWidth;
    private final String bpuBandBasis;
    private final Rate puFineRate;
    private final Rate bpuFineRate;
    private final int puDueMonthsAfter;
    private final int puDueDay;
    private final int bpuDueMonthsAfter;
    private final int bpuDueDay;
    private final String nonWorkingDayRule;
    private final int bpuLapseUnpaidMonths;
    private final int bpuBackPaymentMonths;
    private final String partialMonthRule;

    private final List<List<Reference>> jkkRefsNormal = new ArrayList<>();
    private final List<List<Reference>> jkkRefsDiscounted = new ArrayList<>();
    private final List<Reference> jkmRefs;
    private final List<Reference> jhtRefs;
    private final List<Reference> jpRefs;
    private final List<Reference> jkpRefs;
    private final List<Reference> bpuJkkRefs;
    private final List<Reference> bpuJkmRefs;
    private final List<Reference> bpuJhtRefs;
    private final String regulationVersion;

    /**
     * JKP of wage earners, informative only: the rate, its funding by the government and by recomposition
     * of the employer's JKK and JKM contributions, and the wage cap.
     */
    public record Jkp(Rate rate, Rate governmentShare, Rate fromJkk, Rate fromJkm, Rupiah wageCap) {}

    /**
     * This month's part of settling the JP deferred by PP 49/2020: instalment {@code instalment} of {@code instalments}
     * of what the relief months from {@code deferredFrom} to {@code deferredUntil} deferred (covid-relief.yaml).
     */
    public record JpRepayment(YearMonth deferredFrom, YearMonth deferredUntil, int instalment, int instalments) {

        /**
         * This month's instalment of a deferred total: cumulative rounding half up to whole rupiah, so the
         * instalments of all months add up to the total exactly (docs/regulations.md, "PP 49/2020 in billing").
         */
        public Rupiah of(Rupiah deferredTotal) {
            return deferredTotal.scaleToRupiah(instalment, instalments, SHARE_ROUNDING)
                    .minus(deferredTotal.scaleToRupiah(instalment - 1, instalments, SHARE_ROUNDING));
        }
    }

    ContributionSchedule(RegulationCatalog catalog, YearMonth month) {
        this.month = month;
        LocalDate day = month.atDay(1);
        reliefPayable = rate(catalog, "relief.jkkJkm.payableShare", day);
        jkkDiscount = rate(catalog, "pu.jkk.labourIntensiveDiscount", day);
        Rate discountFactor = jkkDiscount.complement();
        for (RiskGroup risk : RISKS) {
            Rate normal = rate(catalog, "pu.jkk.rate." + risk.name(), day);
            jkkFull[risk.ordinal()] = normal;
            jkkDiscountedFull[risk.ordinal()] = normal.times(discountFactor);
            jkkNormal[risk.ordinal()] = normal.times(reliefPayable);
            jkkDiscounted[risk.ordinal()] = normal.times(discountFactor).times(reliefPayable);
        }
        jkmFull = rate(catalog, "pu.jkm.rate", day);
        jkmRate = jkmFull.times(reliefPayable);
        jhtEmployer = rate(catalog, "pu.jht.employerRate", day);
        jhtWorker = rate(catalog, "pu.jht.workerRate", day);
        jpDeferred = rate(catalog, "relief.jp.deferredShare", day);
        jpEmployerFull = rate(catalog, "pu.jp.employerRate", day);
        jpWorkerFull = rate(catalog, "pu.jp.workerRate", day);
        jpEmployer = jpEmployerFull.times(jpDeferred.complement());
        jpWorker = jpWorkerFull.times(jpDeferred.complement());
        jpCap = rupiah(catalog, "pu.jp.wageCap", day);
        jkpStart = catalog.programmeStart(Programme.JKP);
        jkp = catalog.find("pu.jkp.rate", day).isPresent()
                ? new Jkp(rate(catalog, "pu.jkp.rate", day), rate(catalog, "pu.jkp.governmentShare", day),
                        rate(catalog, "pu.jkp.fromJkk", day), rate(catalog, "pu.jkp.fromJkm", day),
                        rupiah(catalog, "pu.jkp.wageCap", day))
                : null;
        bpuJkkFull = rate(catalog, "bpu.jkk.rate", day);
        bpuJkkRate = bpuJkkFull.times(reliefPayable);
        bpuJkmFull = rupiah(catalog, "bpu.jkm.amount", day);
        bpuJkmAmount = reliefPayable.applyTo(bpuJkmFull, SHARE_ROUNDING);
        reliefPaidThrough = optionalDate(catalog, "relief.condition.paidThrough", day);
        reliefNewParticipantAfter = optionalDate(catalog, "relief.condition.newParticipantAfter", day);
        reliefNewParticipantFullMonths = catalog.find("relief.condition.newParticipantFullMonths", day)
                .map(v -> value(catalog, v.parameter(), day).whole()).orElse(0);
        jpDeferredDueFrom = optionalDate(catalog, "relief.jp.deferredDueFrom", day);
        jpDeferredDueUntil = optionalDate(catalog, "relief.jp.deferredDueUntil", day);
        jpRepayment = repayment(catalog, day);
        bpuJhtRate = rate(catalog, "bpu.jht.rate", day);
        bpuIncomeMin = rupiah(catalog, "bpu.income.min", day);
        bpuIncomeMax = rupiah(catalog, "bpu.income.max", day);
        bpuBandWidth = rupiah(catalog, "bpu.income.bandWidth", day);
        bpuBandBasis = value(catalog, "bpu.income.bandBasis", day).code();
        if (!bpuBandBasis.equals("FLOOR") && !bpuBandBasis.equals("EXACT")) {
            throw new IllegalStateException("bpu.income.bandBasis " + bpuBandBasis + " is not FLOOR or EXACT");
        }
        puFineRate = rate(catalog, "pu.fine.monthlyRate", day);
        bpuFineRate = rate(catalog, "bpu.fine.monthlyRate", day);
        puDueMonthsAfter = value(catalog, "pu.due.monthsAfter", day).whole();
        puDueDay = value(catalog, "pu.due.day", day).whole();
        bpuDueMonthsAfter = value(catalog, "bpu.due.monthsAfter", day).whole();
        bpuDueDay = value(catalog, "bpu.due.day", day).whole();
        nonWorkingDayRule = value(catalog, "due.nonWorkingDay", day).code();
        bpuLapseUnpaidMonths = value(catalog, "bpu.lapse.unpaidMonths", day).whole();
        bpuBackPaymentMonths = value(catalog, "bpu.backPayment.maxMonths", day).whole();
        partialMonthRule = value(catalog, "billing.partialMonth", day).code();

        boolean relief = !reliefPayable.equals(Rate.WHOLE);
        for (RiskGroup risk : RISKS) {
            jkkRefsNormal.add(refs("pu.jkk.rate." + risk.name(), relief ? "relief.jkkJkm.payableShare" : null));
            jkkRefsDiscounted.add(refs("pu.jkk.rate." + risk.name(), "pu.jkk.labourIntensiveDiscount",
                    relief ? "relief.jkkJkm.payableShare" : null));
        }
        jkmRefs = refs("pu.jkm.rate", relief ? "relief.jkkJkm.payableShare" : null);
        jhtRefs = refs("pu.jht.employerRate", "pu.jht.workerRate");
        jpRefs = refs("pu.jp.employerRate", "pu.jp.workerRate", "pu.jp.wageCap",
                jpDeferred.isZero() ? null : "relief.jp.deferredShare");
        jkpRefs = jkp == null ? List.of() : refs("pu.jkp.rate", "pu.jkp.governmentShare", "pu.jkp.fromJkk", "pu.jkp.fromJkm", "pu.jkp.wageCap");
        bpuJkkRefs = refs("bpu.jkk.rate", "bpu.income.min", "bpu.income.max", "bpu.income.bandWidth", "bpu.income.bandBasis",
                relief ? "relief.jkkJkm.payableShare" : null);
        bpuJkmRefs = refs("bpu.jkm.amount", relief ? "relief.jkkJkm.payableShare" : null);
        bpuJhtRefs = refs("bpu.jht.rate", "bpu.income.bandWidth", "bpu.income.bandBasis");
        regulationVersion = month + ":" + RegulationCatalog.fingerprintValues(used.values());
        if (repaymentWindow != null) {
            LocalDate due = dueDate(Segment.PU);
            if (due.isBefore(repaymentWindow[0]) || due.isAfter(repaymentWindow[1])) {
                throw new IllegalStateException("relief.jp.repayment: the bill of " + month + " is due " + due
                        + ", outside the settlement window " + repaymentWindow[0] + " to " + repaymentWindow[1]);
            }
        }
    }

    private DatedValue value(RegulationCatalog catalog, String id, LocalDate day) {
        DatedValue v = catalog.valueOn(id, day);
        used.put(id, v);
        return v;
    }

    /**
     * The deferred-JP instalment billed with this month, or null: only the repayment months have one. Its PU due
     * date must lie in the settlement window the relief months name, else the data contradict themselves.
     */
    private JpRepayment repayment(RegulationCatalog catalog, LocalDate day) {
        LocalDate first = optionalDate(catalog, "relief.jp.repayment.firstMonth", day);
        if (first == null) {
            return null;
        }
        YearMonth from = YearMonth.from(value(catalog, "relief.jp.repayment.deferredMonthsFrom", day).date());
        YearMonth until = YearMonth.from(value(catalog, "relief.jp.repayment.deferredMonthsUntil", day).date());
        int instalments = value(catalog, "relief.jp.repayment.instalments", day).whole();
        int instalment = (int) YearMonth.from(first).until(month, java.time.temporal.ChronoUnit.MONTHS) + 1;
        if (instalment < 1 || instalment > instalments) {
            throw new IllegalStateException("relief.jp.repayment: " + month + " is instalment " + instalment + " of " + instalments);
        }
        LocalDate windowFrom = value(catalog, "relief.jp.deferredDueFrom", from.atDay(1)).date();
        LocalDate windowUntil = value(catalog, "relief.jp.deferredDueUntil", from.atDay(1)).date();
        // the due date is computed later (it needs the payment parameters): remember the window to check it then
        repaymentWindow = new LocalDate[] {windowFrom, windowUntil};
        return new JpRepayment(from, until, instalment, instalments);
    }

    private LocalDate[] repaymentWindow;

    /** A relief condition or deadline: only relief months have one. */
    private LocalDate optionalDate(RegulationCatalog catalog, String id, LocalDate day) {
        return catalog.find(id, day).map(v -> value(catalog, id, day).date()).orElse(null);
    }

    private Rate rate(RegulationCatalog catalog, String id, LocalDate day) {
        return value(catalog, id, day).rate();
    }

    private Rupiah rupiah(RegulationCatalog catalog, String id, LocalDate day) {
        return value(catalog, id, day).rupiah();
    }

    private List<Reference> refs(String... ids) {
        List<Reference> list = new ArrayList<>();
        for (String id : ids) {
            if (id != null) {
                list.add(used.get(id).reference());
            }
        }
        return List.copyOf(list);
    }

    // ---- the lines ------------------------------------------------------------------------------

    /**
     * Whether the month's PP 49/2020 relief applies to a payer: only to employers and BPU members who had paid up to
     * July 2020, and a participant registered after July 2020 pays its first two months in full (covid-relief.yaml).
     * Outside the relief months there is nothing to apply; when the standing is unknown (both null) the relief applies.
     *
     * @param registered  the participant's registration (membership start), or null if unknown
     * @param paidThrough the last contribution month the payer had paid when the relief began, or null if unknown
     */
    public boolean reliefApplies(LocalDate registered, YearMonth paidThrough) {
        if (!inRelief()) {
            return false;
        }
        if (registered != null && reliefNewParticipantAfter != null && registered.isAfter(reliefNewParticipantAfter)) {
            return !month.isBefore(YearMonth.from(registered).plusMonths(reliefNewParticipantFullMonths));
        }
        return paidThrough == null || reliefPaidThrough == null || !paidThrough.isBefore(YearMonth.from(reliefPaidThrough));
    }

    /** The relief condition "paid up to" (31 July 2020) in a relief month, else null. */
    public LocalDate reliefPaidThroughCondition() {
        return reliefPaidThrough;
    }

    /** This month is a PP 49/2020 relief month (JKK and JKM cut or JP deferred). */
    public boolean inRelief() {
        return !reliefPayable.equals(Rate.WHOLE) || !jpDeferred.isZero();
    }

    /** First day the deferred JP of this month may be settled, or null outside the relief. */
    public LocalDate jpDeferredDueFrom() {
        return jpDeferredDueFrom;
    }

    /** Last day by which the deferred JP of this month must be settled, or null outside the relief. */
    public LocalDate jpDeferredDueUntil() {
        return jpDeferredDueUntil;
    }

    /** The deferred-JP instalment billed with this month (April 2021 to March 2022), or null. */
    public JpRepayment jpRepayment() {
        return jpRepayment;
    }

    /** One programme's line for a wage earner, with the month's relief (if any) applied. */
    public ContributionLine puLine(Programme program, Rupiah wage, RiskGroup risk, boolean discountApplies) {
        return puLine(program, wage, risk, discountApplies, true);
    }

    /**
     * One programme's line for a wage earner; {@code relief} false computes a relief month at the full rates (a payer
     * who does not meet the relief conditions, see {@link #reliefApplies}). In a relief month the line's {@code deferred}
     * holds the JP shares owed later (between {@link #jpDeferredDueFrom} and {@link #jpDeferredDueUntil}).
     */
    public ContributionLine puLine(Programme program, Rupiah wage, RiskGroup risk, boolean discountApplies, boolean relief) {
        if (!relief && inRelief()) {
            return puLineWithoutRelief(program, wage, risk, discountApplies);
        }
        return switch (program) {
            case JKK -> {
                if (risk == null) {
                    throw new RejectedException("RISK_GROUP_REQUIRED", "JKK for a wage earner needs the employer's risk group");
                }
                boolean discounted = discountApplies && !jkkDiscount.isZero();
                Rupiah employer = jkkRate(risk, discounted).applyTo(wage, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JKK, wage, employer, Rupiah.ZERO, employer,
                        (discounted ? jkkRefsDiscounted : jkkRefsNormal).get(risk.ordinal()), false);
            }
            case JKM -> {
                Rupiah employer = jkmRate.applyTo(wage, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JKM, wage, employer, Rupiah.ZERO, employer, jkmRefs, false);
            }
            case JHT -> {
                Rupiah employer = jhtEmployer.applyTo(wage, SHARE_ROUNDING);
                Rupiah worker = jhtWorker.applyTo(wage, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JHT, wage, employer, worker, employer.plus(worker), jhtRefs, false);
            }
            case JP -> {
                Rupiah base = jpBase(wage);
                Rupiah employer = jpEmployer.applyTo(base, SHARE_ROUNDING);
                Rupiah worker = jpWorker.applyTo(base, SHARE_ROUNDING);
                Rupiah deferred = jpDeferred.isZero() ? Rupiah.ZERO
                        : jpEmployerFull.applyTo(base, SHARE_ROUNDING).minus(employer)
                                .plus(jpWorkerFull.applyTo(base, SHARE_ROUNDING).minus(worker));
                yield new ContributionLine(Programme.JP, base, employer, worker, employer.plus(worker), jpRefs, false, deferred);
            }
            case JKP -> {
                if (jkp == null) {
                    throw new ProgrammeNotYetInForceException(Programme.JKP, month.atDay(1), jkpStart);
                }
                yield new ContributionLine(Programme.JKP, wage.min(jkp.wageCap()), Rupiah.ZERO, Rupiah.ZERO, Rupiah.ZERO, jkpRefs, true);
            }
        };
    }

    private ContributionLine puLineWithoutRelief(Programme program, Rupiah wage, RiskGroup risk, boolean discountApplies) {
        return switch (program) {
            case JKK -> {
                if (risk == null) {
                    throw new RejectedException("RISK_GROUP_REQUIRED", "JKK for a wage earner needs the employer's risk group");
                }
                boolean discounted = discountApplies && !jkkDiscount.isZero();
                Rupiah employer = (discounted ? jkkDiscountedFull : jkkFull)[risk.ordinal()].applyTo(wage, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JKK, wage, employer, Rupiah.ZERO, employer, discounted
                        ? refs("pu.jkk.rate." + risk.name(), "pu.jkk.labourIntensiveDiscount", "relief.condition.paidThrough")
                        : refs("pu.jkk.rate." + risk.name(), "relief.condition.paidThrough"), false);
            }
            case JKM -> {
                Rupiah employer = jkmFull.applyTo(wage, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JKM, wage, employer, Rupiah.ZERO, employer,
                        refs("pu.jkm.rate", "relief.condition.paidThrough"), false);
            }
            case JP -> {
                Rupiah base = jpBase(wage);
                Rupiah employer = jpEmployerFull.applyTo(base, SHARE_ROUNDING);
                Rupiah worker = jpWorkerFull.applyTo(base, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JP, base, employer, worker, employer.plus(worker),
                        refs("pu.jp.employerRate", "pu.jp.workerRate", "pu.jp.wageCap", "relief.condition.paidThrough"), false);
            }
            case JHT, JKP -> puLine(program, wage, risk, discountApplies, true);
        };
    }

    /** One programme's line for a BPU participant; all of it is paid by the participant. */
    public ContributionLine bpuLine(Programme program, Rupiah declaredIncome) {
        return bpuLine(program, declaredIncome, true);
    }

    /** One programme's line for a BPU participant; {@code relief} false: a relief month at the full amounts. */
    public ContributionLine bpuLine(Programme program, Rupiah declaredIncome, boolean relief) {
        if (!relief && inRelief() && (program == Programme.JKK || program == Programme.JKM)) {
            Rupiah base = bpuBasis(declaredIncome);
            Rupiah worker = program == Programme.JKK ? bpuJkkFull.applyTo(base, SHARE_ROUNDING) : bpuJkmFull;
            return new ContributionLine(program, base, Rupiah.ZERO, worker, worker, program == Programme.JKK
                    ? refs("bpu.jkk.rate", "bpu.income.min", "bpu.income.max", "bpu.income.bandWidth", "bpu.income.bandBasis",
                            "relief.condition.paidThrough")
                    : refs("bpu.jkm.amount", "relief.condition.paidThrough"), false);
        }
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

    // ---- the parameters, for billing ------------------------------------------------------------

    public YearMonth month() {
        return month;
    }

    /** The payable JKK rate of a risk group, with the month's relief and, if it applies, the labour-intensive discount. */
    public Rate jkkRate(RiskGroup risk, boolean discounted) {
        return (discounted ? jkkDiscounted : jkkNormal)[risk.ordinal()];
    }

    /** The JKK rate of a risk group for a payer who does not meet the relief conditions (no 99% cut). */
    public Rate jkkRateWithoutRelief(RiskGroup risk, boolean discounted) {
        return (discounted ? jkkDiscountedFull : jkkFull)[risk.ordinal()];
    }

    /** The JKM rate without the relief cut. */
    public Rate jkmRateWithoutRelief() {
        return jkmFull;
    }

    /** The JP employer rate without the deferral: what a payer outside the relief pays, and the basis of the deferred part. */
    public Rate jpEmployerRateWithoutRelief() {
        return jpEmployerFull;
    }

    public Rate jpWorkerRateWithoutRelief() {
        return jpWorkerFull;
    }

    public Rate bpuJkkRateWithoutRelief() {
        return bpuJkkFull;
    }

    public Rupiah bpuJkmAmountWithoutRelief() {
        return bpuJkmFull;
    }

    /** Discount on JKK for qualifying labour-intensive employers this month (zero outside the windows). */
    public Rate jkkLabourIntensiveDiscount() {
        return jkkDiscount;
    }

    /** Part of JKK and JKM payable this month (100%, or 1% during the PP 49/2020 relief). */
    public Rate jkkJkmPayableShare() {
        return reliefPayable;
    }

    public Rate jkmRate() {
        return jkmRate;
    }

    public Rate jhtEmployerRate() {
        return jhtEmployer;
    }

    public Rate jhtWorkerRate() {
        return jhtWorker;
    }

    /** The payable JP employer rate (with any deferral applied). */
    public Rate jpEmployerRate() {
        return jpEmployer;
    }

    public Rate jpWorkerRate() {
        return jpWorker;
    }

    /** Part of JP deferred this month (99% during the relief). */
    public Rate jpDeferredShare() {
        return jpDeferred;
    }

    public Rupiah jpWageCap() {
        return jpCap;
    }

    public Rupiah jpBase(Rupiah wage) {
        return wage.min(jpCap);
    }

    /** JKP funding this month, or null before JKP existed. */
    public Jkp jkp() {
        return jkp;
    }

    public Rate bpuJkkRate() {
        return bpuJkkRate;
    }

    public Rupiah bpuJkmAmount() {
        return bpuJkmAmount;
    }

    public Rate bpuJhtRate() {
        return bpuJhtRate;
    }

    public Rupiah bpuIncomeMin() {
        return bpuIncomeMin;
    }

    public Rupiah bpuIncomeMax() {
        return bpuIncomeMax;
    }

    public Rupiah bpuBandWidth() {
        return bpuBandWidth;
    }

    /** FLOOR (lowest income of the band) or EXACT (declared income itself). */
    public String bpuBandBasis() {
        return bpuBandBasis;
    }

    /** The BPU contribution basis of a declared income: refused outside the allowed range. */
    public Rupiah bpuBasis(Rupiah declaredIncome) {
        if (declaredIncome.isLessThan(bpuIncomeMin) || declaredIncome.isGreaterThan(bpuIncomeMax)) {
            throw new RejectedException("BPU_INCOME_OUT_OF_RANGE", "declared income " + declaredIncome + " is outside "
                    + bpuIncomeMin + " to " + bpuIncomeMax);
        }
        return bpuBandBasis.equals("FLOOR") ? declaredIncome.roundToMultipleOf(bpuBandWidth, RoundingMode.FLOOR) : declaredIncome;
    }

    public Rate fineRate(Segment segment) {
        return segment == Segment.PU ? puFineRate : bpuFineRate;
    }

    /** The late fine on an unpaid contribution of this month: rate × months late, rounded half-up to whole rupiah. */
    public Rupiah fine(Segment segment, Rupiah unpaid, int monthsLate) {
        return fineRate(segment).applyTo(unpaid.times(monthsLate), SHARE_ROUNDING);
    }

    /** The due date of this month's contribution: the due day (clamped to the month's end), moved off weekends. */
    public LocalDate dueDate(Segment segment) {
        YearMonth dueMonth = month.plusMonths(segment == Segment.PU ? puDueMonthsAfter : bpuDueMonthsAfter);
        int day = Math.min(segment == Segment.PU ? puDueDay : bpuDueDay, dueMonth.lengthOfMonth());
        LocalDate due = dueMonth.atDay(day);
        if (nonWorkingDayRule.equals("NEXT_WORKING_DAY")) {
            while (due.getDayOfWeek() == DayOfWeek.SATURDAY || due.getDayOfWeek() == DayOfWeek.SUNDAY) {
                due = due.plusDays(1);
            }
        }
        return due;
    }

    /** A BPU membership ends after more than this many consecutive unpaid months. */
    public int bpuLapseUnpaidMonths() {
        return bpuLapseUnpaidMonths;
    }

    public int bpuBackPaymentMonths() {
        return bpuBackPaymentMonths;
    }

    /** How a term that starts or ends within a month is billed (WHOLE_MONTH_IF_ACTIVE_ANY_DAY). */
    public String partialMonthRule() {
        return partialMonthRule;
    }

    /** Every value this month's schedule uses, with its reference. */
    public Collection<DatedValue> values() {
        return List.copyOf(used.values());
    }

    public List<Reference> references() {
        return used.values().stream().map(DatedValue::reference).toList();
    }

    /** Stable id of the regulation values used this month, e.g. {@code 2025-04:3f2a...}; record it with billed amounts. */
    public String regulationVersion() {
        return regulationVersion;
    }
}
