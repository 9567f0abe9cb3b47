package id.lindung.quote.internal;

import id.lindung.benefit.BenefitCalculator;
import id.lindung.contribution.ContributionCalculator;
import id.lindung.quote.Quotes;
import id.lindung.regulation.RegulationCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pure calculators as beans, over the catalog bean. */
@Configuration(proxyBeanMethods = false)
class QuoteConfiguration {

    @Bean
    ContributionCalculator contributionCalculator(RegulationCatalog catalog) {
        return new ContributionCalculator(catalog);
    }

    @Bean
    BenefitCalculator benefitCalculator(RegulationCatalog catalog, ContributionCalculator contributions) {
        return new BenefitCalculator(catalog, contributions);
    }

    @Bean
    Quotes quotes(ContributionCalculator contributions, BenefitCalculator benefits) {
        return new Quotes(contributions, benefits);
    }
}
