package id.lindung.quote;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** A benefit quote request as received (API body, CLI options, form); validated by {@link Quotes}. */
public record BenefitQuoteInput(@JsonProperty("case") String benefitCase, String date, String segment, BigDecimal wage,
                                String membershipStart, Integer children, BigDecimal percent, Integer months,
                                Integer contributionMonths, BigDecimal averageWage, Integer contributionMonths24) {}
