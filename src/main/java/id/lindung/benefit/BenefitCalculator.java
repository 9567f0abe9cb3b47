package id.lindung.benefit;

import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rate;
import id.lindung.shared.Rejection;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Quotes the cash benefits of a case under the regulation in force on its date. Each component is
 * decided on its own: a refused component is reported as a rejection and the others are still paid.
 * Amounts are rounded half-up to whole rupiah once, at the end of each component.
 */
public final class BenefitCalculator {

    private static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final String[] SCHOOL_LEVELS = {"TK_SD", "SMP", "SMA", "UNIVERSITY"};

    private final RegulationCatalog catalog;

    public BenefitCalculator(RegulationCatalog catalog) {
        this.catalog = catalog;
    }

    public BenefitQuote quote(BenefitRequest request) {
        Quote q = new Quote(request);
        switch (request.benefitCase()) {
            case JKM_DEATH -> jkmDeath(q);
            case JKK_DEATH -> jkkDeath(q);
            case JKK_TOTAL_DISABILITY -> jkkTotalDisability(q);
            case JKK_PARTIAL_DISABILITY -> jkkPartialDisability(q);
            case JKK_TEMPORARY_DISABILITY -> jkkTemporaryDisability(q);
            case JP_OLD_AGE -> oldAgePension(q);
            case JKP -> jobLoss(q);
        }
        // the scholarship is a ceiling paid year by year over schooling, not cash at the claim: it is not in the total
        Rupiah total = q.components.stream().filter(c -> !"SCHOLARSHIP_MAX".equals(c.code()))
                .map(BenefitComponent::amount).reduce(Rupiah.ZERO, Rupiah::plus);
        return new BenefitQuote(request.benefitCase(), request.date(), !q.components.isEmpty(), List.copyOf(q.components),
                List.copyOf(q.rejections), total);
    }

    /** A quote being built: the request, the components so far and the rejections so far. */
    private final class Quote {
        final BenefitRequest request;
        final List<BenefitComponent> components = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();

        Quote(BenefitRequest request) {
            this.request = request;
        }

        DatedValue value(String id, List<Reference> refs) {
            DatedValue v = catalog.valueOn(id, request.date());
            refs.add(v.reference());
            return v;
        }

        /** Computes one component; a rejection stops this component only. */
        void component(String code, java.util.function.Function<List<Reference>, Rupiah> amount) {
            List<Reference> refs = new ArrayList<>();
            try {
                components.add(new BenefitComponent(code, amount.apply(refs), List.copyOf(refs)));
            } catch (RejectedException e) {
                rejections.add(new Rejection(e.code(), code + ": " + e.rejection().message()));
            }
        }

        void reject(String code, String message) {
            rejections.add(new Rejection(code, message));
        }

        Rupiah wage() {
            if (request.wage() == null || request.wage().isZero() || request.wage().isNegative()) {
                throw new IllegalArgumentException("wage (or declared income for BPU) is required for " + request.benefitCase()
                        + " and must be more than zero");
            }
            return request.wage();
        }
    }

    private void jkmDeath(Quote q) {
        q.component("LUMP_SUM", refs -> q.value("jkm.lumpSum", refs).rupiah());
        q.component("PERIODIC", refs -> q.value("jkm.periodic", refs).rupiah());
        q.component("FUNERAL", refs -> q.value("jkm.funeral", refs).rupiah());
        if (q.request.children() > 0) {
            q.component("SCHOLARSHIP_MAX", refs -> {
                int minYears = q.value("scholarship.jkm.minMembershipYears", refs).whole();
                LocalDate start = q.request.membershipStart();
                if (start == null) {
                    throw new RejectedException("SCHOLARSHIP_MEMBERSHIP_UNKNOWN",
                            "the JKM scholarship needs " + minYears + " years of membership; give the membership start date");
                }
                if (start.plusYears(minYears).isAfter(q.request.date())) {
                    throw new RejectedException("SCHOLARSHIP_MEMBERSHIP_TOO_SHORT", "the JKM scholarship needs " + minYears
                            + " years of membership; membership started " + start);
                }
                return scholarship(q, "jkm.scholarship.legacyAmount", refs);
            });
        }
    }

    private void jkkDeath(Quote q) {
        Rupiah wage = q.wage();
        q.component("DEATH_COMPENSATION", refs -> {
            Rupiah byWage = compensation(q, wage, "jkk.death.percent", refs);
            String minimum = q.value("jkk.death.minimum", refs).code();
            return switch (minimum) {
                case "JKM_LUMP_SUM" -> byWage.max(q.value("jkm.lumpSum", refs).rupiah());
                case "NONE" -> byWage;
                default -> throw new IllegalStateException("jkk.death.minimum " + minimum + " is not JKM_LUMP_SUM or NONE");
            };
        });
        q.component("FUNERAL", refs -> q.value("jkk.funeral", refs).rupiah());
        q.component("PERIODIC", refs -> q.value("jkk.periodic", refs).rupiah());
        workAccidentScholarship(q);
    }

    private void jkkTotalDisability(Quote q) {
        Rupiah wage = q.wage();
        q.component("DISABILITY_COMPENSATION", refs -> compensation(q, wage, "jkk.totalDisability.percent", refs));
        q.component("PERIODIC", refs -> q.value("jkk.periodic", refs).rupiah());
        workAccidentScholarship(q);
    }

    private void jkkPartialDisability(Quote q) {
        Rupiah wage = q.wage();
        if (q.request.percent() == null || q.request.percent().signum() <= 0 || q.request.percent().compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percent (disability percentage from the table, more than 0 and at most 100) is required");
        }
        Rate percent = Rate.ofPercent(q.request.percent());
        q.component("DISABILITY_COMPENSATION", refs -> {
            int factor = q.value("jkk.compensationFactor", refs).factor().intValueExact();
            return percent.applyTo(wage.times(factor), ROUNDING);
        });
    }

    private void jkkTemporaryDisability(Quote q) {
        Rupiah wage = q.wage();
        Integer months = q.request.months();
        if (months == null || months < 0) {
            throw new IllegalArgumentException("months (months unable to work, 0 or more) is required");
        }
        q.component("WAGE_REPLACEMENT", refs -> {
            int fullMonths = q.value("jkk.temporaryDisability.fullMonths", refs).whole();
            Rate full = q.value("jkk.temporaryDisability.fullPercent", refs).rate();
            Rate later = q.value("jkk.temporaryDisability.laterPercent", refs).rate();
            return full.applyTo(wage.times(Math.min(months, fullMonths)), ROUNDING)
                    .plus(later.applyTo(wage.times(Math.max(months - fullMonths, 0)), ROUNDING));
        });
    }

    private void oldAgePension(Quote q) {
        if (q.request.segment() == Segment.BPU) {
            q.reject("BPU_JP_NOT_AVAILABLE", "JP (pension) is not available to BPU participants");
            return;
        }
        Integer months = q.request.contributionMonths();
        Rupiah average = q.request.averageWage();
        if (months == null || months < 0 || average == null || average.isNegative()) {
            throw new IllegalArgumentException("contributionMonths and averageWage are required for JP_OLD_AGE");
        }
        q.component("MONTHLY_PENSION", refs -> {
            int minMonths = q.value("jp.minContributionMonths", refs).whole();
            if (months < minMonths) {
                throw new RejectedException("PENSION_MONTHS_BELOW_MINIMUM", months + " contribution months is fewer than "
                        + minMonths + ": no monthly pension; JP is paid as a lump sum of contributions plus returns"
                        + " (needs the contribution history, not quoted here)");
            }
            Rate accrual = q.value("jp.accrualRate", refs).rate();
            PensionLimits limits = pensionLimits(q.request.date());
            refs.addAll(limits.references());
            q.value("jp.pensionAge", refs);
            Rupiah formula = accrual.applyToSen(average.times(months), ROUNDING).scaleToRupiah(1, 12, ROUNDING);
            return formula.max(limits.min()).min(limits.max());
        });
    }

    private void jobLoss(Quote q) {
        if (q.request.segment() == Segment.BPU) {
            q.reject("BPU_JKP_NOT_AVAILABLE", "JKP (job loss) is not available to BPU participants");
            return;
        }
        Rupiah wage = q.wage();
        Integer months24 = q.request.contributionMonths24();
        if (months24 == null || months24 < 0) {
            throw new IllegalArgumentException("contributionMonths24 (contribution months in the last 24) is required for JKP");
        }
        q.component("WAGE_REPLACEMENT", refs -> {
            int minMonths = q.value("jkp.eligibility.minMonths", refs).whole();
            int window = q.value("jkp.eligibility.windowMonths", refs).whole();
            if (months24 < minMonths) {
                throw new RejectedException("JKP_CONTRIBUTION_MONTHS_BELOW_MINIMUM", months24 + " contribution months in the last "
                        + window + " is fewer than " + minMonths);
            }
            Rupiah capped = wage.min(q.value("jkp.benefit.wageCap", refs).rupiah());
            Rate first = q.value("jkp.benefit.firstPercent", refs).rate();
            int firstMonths = q.value("jkp.benefit.firstMonths", refs).whole();
            Rate later = q.value("jkp.benefit.laterPercent", refs).rate();
            int laterMonths = q.value("jkp.benefit.laterMonths", refs).whole();
            return first.applyTo(capped, ROUNDING).times(firstMonths).plus(later.applyTo(capped, ROUNDING).times(laterMonths));
        });
    }

    /**
     * The lowest and highest monthly JP pension in force on {@code date} (PP 45/2015 Pasal 18; they change on 1 March
     * with the wage cap). Every monthly JP pension is held between them.
     */
    public PensionLimits pensionLimits(LocalDate date) {
        DatedValue min = catalog.valueOn("jp.benefit.min", date);
        DatedValue max = catalog.valueOn("jp.benefit.max", date);
        return new PensionLimits(min.rupiah(), max.rupiah(), List.of(min.reference(), max.reference()));
    }

    /** The floor and ceiling of a monthly JP pension, with their references (one of them may be unverified). */
    public record PensionLimits(Rupiah min, Rupiah max, List<Reference> references) {}

    /** percent × compensation factor (80) × wage: 60% → 48 × wage, 70% → 56 × wage. */
    private static Rupiah compensation(Quote q, Rupiah wage, String percentId, List<Reference> refs) {
        Rate percent = q.value(percentId, refs).rate();
        int factor = q.value("jkk.compensationFactor", refs).factor().intValueExact();
        return percent.applyTo(wage.times(factor), ROUNDING);
    }

    /** Work-accident death or total disability: scholarship without a minimum membership. */
    private void workAccidentScholarship(Quote q) {
        if (q.request.children() > 0) {
            q.component("SCHOLARSHIP_MAX", refs -> scholarship(q, "jkk.scholarship.legacyAmount", refs));
        }
    }

    /**
     * Highest scholarship over a child's schooling, times the children allowed: before PP 82/2019 a flat amount per
     * child ({@code flatPerChildId}), from it the school-level table.
     */
    private static Rupiah scholarship(Quote q, String flatPerChildId, List<Reference> refs) {
        String rule = q.value("scholarship.rule", refs).code();
        Rupiah perChild = Rupiah.ZERO;
        switch (rule) {
            case "FLAT_PER_CHILD" -> perChild = q.value(flatPerChildId, refs).rupiah();
            case "SCHOOL_LEVEL_TABLE" -> {
                for (String level : SCHOOL_LEVELS) {
                    Rupiah perYear = q.value("scholarship." + level + ".perYear", refs).rupiah();
                    int years = q.value("scholarship." + level + ".years", refs).whole();
                    perChild = perChild.plus(perYear.times(years));
                }
            }
            default -> throw new IllegalStateException("scholarship.rule " + rule + " is not FLAT_PER_CHILD or SCHOOL_LEVEL_TABLE");
        }
        int maxChildren = q.value("scholarship.maxChildren", refs).whole();
        return perChild.times(Math.min(q.request.children(), maxChildren));
    }
}
