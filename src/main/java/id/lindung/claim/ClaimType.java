package id.lindung.claim;

import id.lindung.benefit.BenefitCase;
import id.lindung.shared.Programme;
import java.util.EnumSet;
import java.util.Set;

/**
 * The case types, named by the benefit calculator's codes ({@code JHT} is its {@code JHT_PAYOUT}; {@code JKK_MEDICAL}
 * is care and transport as claimed within their limits, which the claim computes from the same regulation data).
 */
public enum ClaimType {
    JKM_DEATH(Programme.JKM, BenefitCase.JKM_DEATH),
    JKK_DEATH(Programme.JKK, BenefitCase.JKK_DEATH),
    JKK_TOTAL_DISABILITY(Programme.JKK, BenefitCase.JKK_TOTAL_DISABILITY),
    JKK_PARTIAL_DISABILITY(Programme.JKK, BenefitCase.JKK_PARTIAL_DISABILITY),
    JKK_TEMPORARY_DISABILITY(Programme.JKK, BenefitCase.JKK_TEMPORARY_DISABILITY),
    JKK_MEDICAL(Programme.JKK, null),
    JHT(Programme.JHT, BenefitCase.JHT_PAYOUT),
    JP_OLD_AGE(Programme.JP, BenefitCase.JP_OLD_AGE),
    JKP(Programme.JKP, BenefitCase.JKP);

    private static final Set<ClaimType> DEATHS = EnumSet.of(JKM_DEATH, JKK_DEATH);
    private static final Set<ClaimType> SCHOLARSHIPS = EnumSet.of(JKM_DEATH, JKK_DEATH, JKK_TOTAL_DISABILITY);

    private final Programme programme;
    private final BenefitCase benefitCase;

    ClaimType(Programme programme, BenefitCase benefitCase) {
        this.programme = programme;
        this.benefitCase = benefitCase;
    }

    /** The programme whose membership and protection the case needs. */
    public Programme programme() {
        return programme;
    }

    /** The calculator's case; null for {@link #JKK_MEDICAL}, which the claim computes itself. */
    public BenefitCase benefitCase() {
        return benefitCase;
    }

    /** A death: recorded in the registry when the case opens, at most one per worker, paid to the heirs. */
    public boolean death() {
        return DEATHS.contains(this);
    }

    /** A case that may grant the children a scholarship (RULES.md 4.3). */
    public boolean grantsScholarship() {
        return SCHOLARSHIPS.contains(this);
    }

    /** A work accident: the JKK payment clock and the reporting limit apply. */
    public boolean workAccident() {
        return programme == Programme.JKK;
    }

    /**
     * A risk the programme insures on the incident date (death, accident): protection on that date is checked. JHT, JP
     * and JKP pay what was saved or earned, usually after membership ended, so protection on the date is not asked.
     */
    public boolean insuredRisk() {
        return programme == Programme.JKK || programme == Programme.JKM;
    }
}
