package id.lindung.quote;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * A benefit quote request as received (API body, CLI options, form); validated by {@link Quotes}.
 *
 * @param consecutiveMonths JKP: longest run of consecutive contribution months in the last 24 (the 6-month rule is
 *                          checked when given)
 * @param reason            JHT_PAYOUT: AGE_56, RESIGNATION, DISMISSAL, LEAVING_INDONESIA, TOTAL_DISABILITY, DEATH,
 *                          PARTIAL_RETIREMENT (10%) or PARTIAL_HOUSING (30%)
 * @param birthDate         JHT_PAYOUT at AGE_56; JP_OLD_AGE (optional): the JP pension age is checked
 * @param contributionStart JHT_PAYOUT: first contribution month, YYYY-MM; JP_OLD_AGE below 180 months (optional): the
 *                          first of the months paid back as a lump sum, by default the months just before the date's
 * @param monthlyWages      JHT_PAYOUT: one wage per contribution month, oldest first (instead of a constant wage)
 * @param partialClaimed    JHT_PAYOUT: a partial claim was already paid
 */
public record BenefitQuoteInput(@JsonProperty("case") String benefitCase, String date, String segment, BigDecimal wage,
                                String membershipStart, Integer children, BigDecimal percent, Integer months,
                                Integer contributionMonths, BigDecimal averageWage, Integer contributionMonths24,
                                Integer consecutiveMonths, String reason, String birthDate, String employmentEnd,
                                String contributionStart, List<BigDecimal> monthlyWages, Boolean partialClaimed) {

    public BenefitQuoteInput(String benefitCase, String date, String segment, BigDecimal wage, String membershipStart,
                             Integer children, BigDecimal percent, Integer months, Integer contributionMonths,
                             BigDecimal averageWage, Integer contributionMonths24) {
        this(benefitCase, date, segment, wage, membershipStart, children, percent, months, contributionMonths, averageWage,
                contributionMonths24, null, null, null, null, null, null, null);
    }
}
