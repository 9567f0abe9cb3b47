package id.lindung.contribution;

import static id.lindung.contribution.ContributionSchedule.SHARE_ROUNDING;

import id.lindung.contribution.ContributionSchedule.Jkp;
import id.lindung.regulation.ProgrammeNotYetInForceException;
import id.lindung.regulation.Reference;
import id.lindung.shared.Programme;
import id.lindung.shared.Rate;
import id.lindung.shared.RejectedException;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The wage earners' (PU) rates of one contribution month and the lines they make. The JKK, JKM and JP rates come
 * twice: payable, with the month's relief or discount already applied, and full, for a payer outside the relief.
 */
final class WageEarnerRates {

    private static final RiskGroup[] RISKS = RiskGroup.values();

    private final ValuesInForce values;
    private final YearMonth month;
    private final Rate[] jkkNormal = new Rate[RISKS.length];
    private final Rate[] jkkDiscounted = new Rate[RISKS.length];
    private final Rate jkkDiscount;
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
    private final Rupiah jpCap;
    private final Jkp jkp;
    private final LocalDate jkpStart;

    private final List<List<Reference>> jkkRefsNormal = new ArrayList<>();
    private final List<List<Reference>> jkkRefsDiscounted = new ArrayList<>();
    private final List<Reference> jkmRefs;
    private final List<Reference> jhtRefs;
    private final List<Reference> jpRefs;
    private final List<Reference> jkpRefs;

    /** Reads the JKK discount and rates, JKM, JHT, the JP deferral, JP and JKP, in this order (see {@link ValuesInForce}). */
    WageEarnerRates(ValuesInForce values, YearMonth month, Rate reliefPayable, LocalDate jkpStart) {
        this.values = values;
        this.month = month;
        this.jkpStart = jkpStart;
        jkkDiscount = values.rate("pu.jkk.labourIntensiveDiscount");
        Rate discountFactor = jkkDiscount.complement();
        for (RiskGroup risk : RISKS) {
            Rate normal = values.rate("pu.jkk.rate." + risk.name());
            jkkFull[risk.ordinal()] = normal;
            jkkDiscountedFull[risk.ordinal()] = normal.times(discountFactor);
            jkkNormal[risk.ordinal()] = normal.times(reliefPayable);
            jkkDiscounted[risk.ordinal()] = normal.times(discountFactor).times(reliefPayable);
        }
        jkmFull = values.rate("pu.jkm.rate");
        jkmRate = jkmFull.times(reliefPayable);
        jhtEmployer = values.rate("pu.jht.employerRate");
        jhtWorker = values.rate("pu.jht.workerRate");
        jpDeferred = values.rate("relief.jp.deferredShare");
        jpEmployerFull = values.rate("pu.jp.employerRate");
        jpWorkerFull = values.rate("pu.jp.workerRate");
        jpEmployer = jpEmployerFull.times(jpDeferred.complement());
        jpWorker = jpWorkerFull.times(jpDeferred.complement());
        jpCap = values.rupiah("pu.jp.wageCap");
        jkp = values.find("pu.jkp.rate").isPresent()
                ? new Jkp(values.rate("pu.jkp.rate"), values.rate("pu.jkp.governmentShare"),
                        values.rate("pu.jkp.fromJkk"), values.rate("pu.jkp.fromJkm"),
                        values.rupiah("pu.jkp.wageCap"))
                : null;

        boolean relief = !reliefPayable.equals(Rate.WHOLE);
        for (RiskGroup risk : RISKS) {
            jkkRefsNormal.add(values.refs("pu.jkk.rate." + risk.name(), relief ? "relief.jkkJkm.payableShare" : null));
            jkkRefsDiscounted.add(values.refs("pu.jkk.rate." + risk.name(), "pu.jkk.labourIntensiveDiscount",
                    relief ? "relief.jkkJkm.payableShare" : null));
        }
        jkmRefs = values.refs("pu.jkm.rate", relief ? "relief.jkkJkm.payableShare" : null);
        jhtRefs = values.refs("pu.jht.employerRate", "pu.jht.workerRate");
        jpRefs = values.refs("pu.jp.employerRate", "pu.jp.workerRate", "pu.jp.wageCap",
                jpDeferred.isZero() ? null : "relief.jp.deferredShare");
        jkpRefs = jkp == null ? List.of() : values.refs("pu.jkp.rate", "pu.jkp.governmentShare", "pu.jkp.fromJkk", "pu.jkp.fromJkm", "pu.jkp.wageCap");
    }

    /** One programme's line at the payable rates: in a relief month, {@code deferred} holds the JP shares owed later. */
    ContributionLine line(Programme program, Rupiah wage, RiskGroup risk, boolean discountApplies) {
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

    /** One programme's line at the full rates, for a payer who does not meet the relief month's conditions. */
    ContributionLine lineWithoutRelief(Programme program, Rupiah wage, RiskGroup risk, boolean discountApplies) {
        return switch (program) {
            case JKK -> {
                if (risk == null) {
                    throw new RejectedException("RISK_GROUP_REQUIRED", "JKK for a wage earner needs the employer's risk group");
                }
                boolean discounted = discountApplies && !jkkDiscount.isZero();
                Rupiah employer = (discounted ? jkkDiscountedFull : jkkFull)[risk.ordinal()].applyTo(wage, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JKK, wage, employer, Rupiah.ZERO, employer, discounted
                        ? values.refs("pu.jkk.rate." + risk.name(), "pu.jkk.labourIntensiveDiscount", "relief.condition.paidThrough")
                        : values.refs("pu.jkk.rate." + risk.name(), "relief.condition.paidThrough"), false);
            }
            case JKM -> {
                Rupiah employer = jkmFull.applyTo(wage, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JKM, wage, employer, Rupiah.ZERO, employer,
                        values.refs("pu.jkm.rate", "relief.condition.paidThrough"), false);
            }
            case JP -> {
                Rupiah base = jpBase(wage);
                Rupiah employer = jpEmployerFull.applyTo(base, SHARE_ROUNDING);
                Rupiah worker = jpWorkerFull.applyTo(base, SHARE_ROUNDING);
                yield new ContributionLine(Programme.JP, base, employer, worker, employer.plus(worker),
                        values.refs("pu.jp.employerRate", "pu.jp.workerRate", "pu.jp.wageCap", "relief.condition.paidThrough"), false);
            }
            case JHT, JKP -> line(program, wage, risk, discountApplies);
        };
    }

    Rate jkkRate(RiskGroup risk, boolean discounted) {
        return (discounted ? jkkDiscounted : jkkNormal)[risk.ordinal()];
    }

    Rate jkkRateWithoutRelief(RiskGroup risk, boolean discounted) {
        return (discounted ? jkkDiscountedFull : jkkFull)[risk.ordinal()];
    }

    Rate jkmRateWithoutRelief() {
        return jkmFull;
    }

    Rate jpEmployerRateWithoutRelief() {
        return jpEmployerFull;
    }

    Rate jpWorkerRateWithoutRelief() {
        return jpWorkerFull;
    }

    Rate jkkLabourIntensiveDiscount() {
        return jkkDiscount;
    }

    Rate jkmRate() {
        return jkmRate;
    }

    Rate jhtEmployerRate() {
        return jhtEmployer;
    }

    Rate jhtWorkerRate() {
        return jhtWorker;
    }

    Rate jpEmployerRate() {
        return jpEmployer;
    }

    Rate jpWorkerRate() {
        return jpWorker;
    }

    Rate jpDeferredShare() {
        return jpDeferred;
    }

    Rupiah jpWageCap() {
        return jpCap;
    }

    Rupiah jpBase(Rupiah wage) {
        return wage.min(jpCap);
    }

    Jkp jkp() {
        return jkp;
    }
}
