package id.lindung.contribution;

import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.Rate;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

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

    private final YearMonth month;
    private final ValuesInForce values;
    private final WageEarnerRates wageEarners;
    private final BpuRates bpu;
    private final CovidRelief covidRelief;
    private final PaymentTerms terms;
    private final String regulationVersion;

    ContributionSchedule(RegulationCatalog catalog, YearMonth month) {
        this.month = month;
        // the parts read in this order, which the regulation version fingerprints (see ValuesInForce): keep it
        values = new ValuesInForce(catalog, month.atDay(1));
        Rate reliefPayable = values.rate("relief.jkkJkm.payableShare");
        wageEarners = new WageEarnerRates(values, month, reliefPayable, catalog.programmeStart(Programme.JKP));
        Rate bpuJkkFull = values.rate("bpu.jkk.rate");
        Rupiah bpuJkmFull = values.rupiah("bpu.jkm.amount");
        covidRelief = new CovidRelief(values, month, reliefPayable, wageEarners.jpDeferredShare());
        bpu = new BpuRates(values, reliefPayable, bpuJkkFull, bpuJkmFull);
        terms = new PaymentTerms(values, month);
        regulationVersion = month + ":" + values.fingerprint();
        covidRelief.requireRepaymentDueInWindow(terms);
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
        return covidRelief.reliefApplies(registered, paidThrough);
    }

    /** The relief condition "paid up to" (31 July 2020) in a relief month, else null. */
    public LocalDate reliefPaidThroughCondition() {
        return covidRelief.reliefPaidThroughCondition();
    }

    /** This month is a PP 49/2020 relief month (JKK and JKM cut or JP deferred). */
    public boolean inRelief() {
        return covidRelief.inRelief();
    }

    /** First day the deferred JP of this month may be settled, or null outside the relief. */
    public LocalDate jpDeferredDueFrom() {
        return covidRelief.jpDeferredDueFrom();
    }

    /** Last day by which the deferred JP of this month must be settled, or null outside the relief. */
    public LocalDate jpDeferredDueUntil() {
        return covidRelief.jpDeferredDueUntil();
    }

    /** The deferred-JP instalment billed with this month (April 2021 to March 2022), or null. */
    public JpRepayment jpRepayment() {
        return covidRelief.jpRepayment();
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
            return wageEarners.lineWithoutRelief(program, wage, risk, discountApplies);
        }
        return wageEarners.line(program, wage, risk, discountApplies);
    }

    /** One programme's line for a BPU participant; all of it is paid by the participant. */
    public ContributionLine bpuLine(Programme program, Rupiah declaredIncome) {
        return bpuLine(program, declaredIncome, true);
    }

    /** One programme's line for a BPU participant; {@code relief} false: a relief month at the full amounts. */
    public ContributionLine bpuLine(Programme program, Rupiah declaredIncome, boolean relief) {
        if (!relief && inRelief() && (program == Programme.JKK || program == Programme.JKM)) {
            return bpu.lineWithoutRelief(program, declaredIncome);
        }
        return bpu.line(program, declaredIncome);
    }

    // ---- the parameters, for billing ------------------------------------------------------------

    public YearMonth month() {
        return month;
    }

    /** The payable JKK rate of a risk group, with the month's relief and, if it applies, the labour-intensive discount. */
    public Rate jkkRate(RiskGroup risk, boolean discounted) {
        return wageEarners.jkkRate(risk, discounted);
    }

    /** The JKK rate of a risk group for a payer who does not meet the relief conditions (no 99% cut). */
    public Rate jkkRateWithoutRelief(RiskGroup risk, boolean discounted) {
        return wageEarners.jkkRateWithoutRelief(risk, discounted);
    }

    /** The JKM rate without the relief cut. */
    public Rate jkmRateWithoutRelief() {
        return wageEarners.jkmRateWithoutRelief();
    }

    /** The JP employer rate without the deferral: what a payer outside the relief pays, and the basis of the deferred part. */
    public Rate jpEmployerRateWithoutRelief() {
        return wageEarners.jpEmployerRateWithoutRelief();
    }

    public Rate jpWorkerRateWithoutRelief() {
        return wageEarners.jpWorkerRateWithoutRelief();
    }

    public Rate bpuJkkRateWithoutRelief() {
        return bpu.bpuJkkRateWithoutRelief();
    }

    public Rupiah bpuJkmAmountWithoutRelief() {
        return bpu.bpuJkmAmountWithoutRelief();
    }

    /** Discount on JKK for qualifying labour-intensive employers this month (zero outside the windows). */
    public Rate jkkLabourIntensiveDiscount() {
        return wageEarners.jkkLabourIntensiveDiscount();
    }

    /** Part of JKK and JKM payable this month (100%, or 1% during the PP 49/2020 relief). */
    public Rate jkkJkmPayableShare() {
        return covidRelief.jkkJkmPayableShare();
    }

    public Rate jkmRate() {
        return wageEarners.jkmRate();
    }

    public Rate jhtEmployerRate() {
        return wageEarners.jhtEmployerRate();
    }

    public Rate jhtWorkerRate() {
        return wageEarners.jhtWorkerRate();
    }

    /** The payable JP employer rate (with any deferral applied). */
    public Rate jpEmployerRate() {
        return wageEarners.jpEmployerRate();
    }

    public Rate jpWorkerRate() {
        return wageEarners.jpWorkerRate();
    }

    /** Part of JP deferred this month (99% during the relief). */
    public Rate jpDeferredShare() {
        return wageEarners.jpDeferredShare();
    }

    public Rupiah jpWageCap() {
        return wageEarners.jpWageCap();
    }

    public Rupiah jpBase(Rupiah wage) {
        return wageEarners.jpBase(wage);
    }

    /** JKP funding this month, or null before JKP existed. */
    public Jkp jkp() {
        return wageEarners.jkp();
    }

    public Rate bpuJkkRate() {
        return bpu.bpuJkkRate();
    }

    public Rupiah bpuJkmAmount() {
        return bpu.bpuJkmAmount();
    }

    public Rate bpuJhtRate() {
        return bpu.bpuJhtRate();
    }

    public Rupiah bpuIncomeMin() {
        return bpu.bpuIncomeMin();
    }

    public Rupiah bpuIncomeMax() {
        return bpu.bpuIncomeMax();
    }

    public Rupiah bpuBandWidth() {
        return bpu.bpuBandWidth();
    }

    /** FLOOR (lowest income of the band) or EXACT (declared income itself). */
    public String bpuBandBasis() {
        return bpu.bpuBandBasis();
    }

    /** The BPU contribution basis of a declared income: refused outside the allowed range. */
    public Rupiah bpuBasis(Rupiah declaredIncome) {
        return bpu.bpuBasis(declaredIncome);
    }

    public Rate fineRate(Segment segment) {
        return terms.fineRate(segment);
    }

    /** The late fine on an unpaid contribution of this month: rate × months late, rounded half-up to whole rupiah. */
    public Rupiah fine(Segment segment, Rupiah unpaid, int monthsLate) {
        return terms.fine(segment, unpaid, monthsLate);
    }

    /** The due date of this month's contribution: the due day (clamped to the month's end), moved off weekends. */
    public LocalDate dueDate(Segment segment) {
        return terms.dueDate(segment);
    }

    /** A BPU membership ends after more than this many consecutive unpaid months. */
    public int bpuLapseUnpaidMonths() {
        return terms.bpuLapseUnpaidMonths();
    }

    public int bpuBackPaymentMonths() {
        return terms.bpuBackPaymentMonths();
    }

    /** How a term that starts or ends within a month is billed (WHOLE_MONTH_IF_ACTIVE_ANY_DAY). */
    public String partialMonthRule() {
        return terms.partialMonthRule();
    }

    /** Every value this month's schedule uses, with its reference. */
    public Collection<DatedValue> values() {
        return values.values();
    }

    public List<Reference> references() {
        return values.references();
    }

    /** Stable id of the regulation values used this month, e.g. {@code 2025-04:3f2a...}; record it with billed amounts. */
    public String regulationVersion() {
        return regulationVersion;
    }
}
