package id.lindung.quote;

import java.math.BigDecimal;
import java.util.List;

/**
 * A contribution quote request as received (API body, CLI options, form); validated by {@link Quotes}.
 *
 * @param programs programme codes; an element may also hold several separated by commas
 */
public record ContributionQuoteInput(String segment, String month, BigDecimal wage, String risk, List<String> programs,
                                     Boolean labourIntensive, Boolean villageGovernment) {}
