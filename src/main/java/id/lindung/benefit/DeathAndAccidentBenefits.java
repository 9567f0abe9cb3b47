package id.lindung.benefit;

import id.lindung.regulation.Reference;
import id.lindung.shared.Rate;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rupiah;
import id.lindung.shared.ShortNumber;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/** The death (JKM) and work-accident (JKK) cases of a quote: lump sums, compensation by wage, scholarships. */
final class DeathAndAccidentBenefits {

    private static final RoundingMode ROUNDING = BenefitCalculator.ROUNDING;
    private static final String[] SCHOOL_LEVELS = {"TK_SD", "SMP", "SMA", "UNIVERSITY"};

    private DeathAndAccidentBenefits() {
    }

    static void jkmDeath(QuoteInProgress q) {
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

    static void jkkDeath(QuoteInProgress q) {
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

    static void jkkTotalDisability(QuoteInProgress q) {
        Rupiah wage = q.wage();
        q.component("DISABILITY_COMPENSATION", refs -> compensation(q, wage, "jkk.totalDisability.percent", refs));
        q.component("PERIODIC", refs -> q.value("jkk.periodic", refs).rupiah());
        workAccidentScholarship(q);
    }

    static void jkkPartialDisability(QuoteInProgress q) {
        Rupiah wage = q.wage();
        if (q.request.percent() == null || q.request.percent().signum() <= 0 || q.request.percent().compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            throw new MissingFactException("percent", q.request.percent(), q.request.percent() == null
                    ? "percent (disability percentage from the table, more than 0 and at most 100) is required"
                    : "percent " + ShortNumber.of(q.request.percent()) + " is out of range: the disability percentage is more than 0 and at most 100");
        }
        if (q.request.percent().stripTrailingZeros().scale() > 5) {
            // a rate keeps seven decimals of a fraction: 33.333333333 % or 1e-30 % cannot be one (it was a 500)
            throw new MissingFactException("percent", "TOO_PRECISE", q.request.percent(),
                    "percent " + ShortNumber.of(q.request.percent()) + " has more than 5 decimals");
        }
        Rate percent = Rate.ofPercent(q.request.percent());
        q.component("DISABILITY_COMPENSATION", refs -> {
            int factor = q.value("jkk.compensationFactor", refs).factor().intValueExact();
            return percent.applyTo(wage.times(factor), ROUNDING);
        });
    }

    static void jkkTemporaryDisability(QuoteInProgress q) {
        Rupiah wage = q.wage();
        Integer months = q.request.months();
        if (months == null || months < 0) {
            throw new MissingFactException("months", months, months == null ? "months (months unable to work, 0 or more) is required"
                    : "months " + months + " is out of range: months unable to work are 0 or more");
        }
        q.component("WAGE_REPLACEMENT", refs -> {
            int fullMonths = q.value("jkk.temporaryDisability.fullMonths", refs).whole();
            Rate full = q.value("jkk.temporaryDisability.fullPercent", refs).rate();
            Rate later = q.value("jkk.temporaryDisability.laterPercent", refs).rate();
            return full.applyTo(wage.times(Math.min(months, fullMonths)), ROUNDING)
                    .plus(later.applyTo(wage.times(Math.max(months - fullMonths, 0)), ROUNDING));
        });
    }

    /** percent × compensation factor (80) × wage: 60% → 48 × wage, 70% → 56 × wage. */
    private static Rupiah compensation(QuoteInProgress q, Rupiah wage, String percentId, List<Reference> refs) {
        Rate percent = q.value(percentId, refs).rate();
        int factor = q.value("jkk.compensationFactor", refs).factor().intValueExact();
        return percent.applyTo(wage.times(factor), ROUNDING);
    }

    /** Work-accident death or total disability: scholarship without a minimum membership. */
    private static void workAccidentScholarship(QuoteInProgress q) {
        if (q.request.children() > 0) {
            q.component("SCHOLARSHIP_MAX", refs -> scholarship(q, "jkk.scholarship.legacyAmount", refs));
        }
    }

    /**
     * Highest scholarship over a child's schooling, times the children allowed: before PP 82/2019 a flat amount per
     * child ({@code flatPerChildId}), from it the school-level table.
     */
    private static Rupiah scholarship(QuoteInProgress q, String flatPerChildId, List<Reference> refs) {
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
