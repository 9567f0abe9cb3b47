package id.lindung.cli;

import id.lindung.quote.BenefitQuoteInput;
import id.lindung.quote.ContributionQuoteInput;
import id.lindung.quote.Quotes;
import id.lindung.regulation.RegulationCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** Quotes without Spring or a database: loads the regulation catalog and prints one JSON document. */
@Command(name = "quote", description = "Quote a contribution or a benefit from the regulation catalog (no database needed).",
        subcommands = {QuoteCommand.Contribution.class, QuoteCommand.Benefit.class})
class QuoteCommand {

    private static Quotes quotes(Path regulationsDir) {
        return Quotes.of(regulationsDir == null ? RegulationCatalog.loadDefault() : RegulationCatalog.load(regulationsDir));
    }

    private static void print(Object document) {
        System.out.println(JsonMapper.builder().build().writeValueAsString(document));
        System.out.flush();
    }

    @Command(name = "contribution", description = "Monthly contribution per programme, with employer and worker shares.")
    static class Contribution implements Callable<Integer> {
        @Option(names = "--segment", required = true, description = "PU (wage earner) or BPU (informal).") String segment;
        @Option(names = "--month", required = true, description = "Contribution month, YYYY-MM.") String month;
        @Option(names = "--wage", required = true, description = "Monthly wage (PU) or declared income (BPU), rupiah.") BigDecimal wage;
        @Option(names = "--risk", description = "JKK risk group: VERY_LOW, LOW, MEDIUM, HIGH, VERY_HIGH (PU).") String risk;
        @Option(names = "--programs", required = true, split = ",", description = "Programmes, e.g. JKK,JKM,JHT,JP.") List<String> programs;
        @Option(names = "--labour-intensive", description = "Employer qualifies for the labour-intensive JKK discount.") boolean labourIntensive;
        @Option(names = "--village-government", description = "Employer is a village government (never discounted).") boolean villageGovernment;
        @Option(names = "--regulations-dir", description = "Extra regulation files (default: LINDUNG_REGULATIONS_DIR or <data-dir>/regulations).") Path regulationsDir;

        @Override
        public Integer call() {
            print(quotes(regulationsDir).contribution(new ContributionQuoteInput(segment, month, wage, risk, programs,
                    labourIntensive, villageGovernment)));
            return 0;
        }
    }

    @Command(name = "benefit", description = "Cash benefits of a case, with rejections by code.")
    static class Benefit implements Callable<Integer> {
        @Option(names = "--case", required = true, description = "JKM_DEATH, JKK_DEATH, JKK_TOTAL_DISABILITY, JKK_PARTIAL_DISABILITY, JKK_TEMPORARY_DISABILITY, JP_OLD_AGE, JKP, JHT_PAYOUT.") String benefitCase;
        @Option(names = "--date", required = true, description = "Incident, pension or payout date, YYYY-MM-DD.") String date;
        @Option(names = "--segment", description = "PU (default) or BPU.") String segment;
        @Option(names = "--wage", description = "Monthly wage or declared income, rupiah.") BigDecimal wage;
        @Option(names = "--membership-start", description = "Membership start, YYYY-MM-DD (JKM scholarship).") String membershipStart;
        @Option(names = "--children", description = "Children for the scholarship.") Integer children;
        @Option(names = "--percent", description = "Partial disability percentage.") BigDecimal percent;
        @Option(names = "--months", description = "Months unable to work (temporary disability).") Integer months;
        @Option(names = "--contribution-months", description = "JP or JHT contribution months.") Integer contributionMonths;
        @Option(names = "--average-wage", description = "JP average indexed monthly wage, rupiah (below 180 months: the wage of each month paid back).") BigDecimal averageWage;
        @Option(names = "--contribution-months-24", description = "JKP contribution months in the last 24.") Integer contributionMonths24;
        @Option(names = "--consecutive-months", description = "JKP: longest run of consecutive contribution months in the last 24 (checks the rule of 6 consecutive months).") Integer consecutiveMonths;
        @Option(names = "--reason", description = "JHT_PAYOUT: AGE_56, RESIGNATION, DISMISSAL, LEAVING_INDONESIA, TOTAL_DISABILITY, DEATH, PARTIAL_RETIREMENT (10%%), PARTIAL_HOUSING (30%%).") String reason;
        @Option(names = "--birth-date", description = "Birth date, YYYY-MM-DD: JHT_PAYOUT at AGE_56; JP_OLD_AGE (optional) to check the pension age.") String birthDate;
        @Option(names = "--employment-end", description = "JHT_PAYOUT after RESIGNATION or DISMISSAL: last day of work, YYYY-MM-DD.") String employmentEnd;
        @Option(names = "--contribution-start", description = "First contribution month, YYYY-MM. JHT_PAYOUT: with --contribution-months and --wage, or --monthly-wages. JP_OLD_AGE below 180 months (lump sum): default the months just before --date.") String contributionStart;
        @Option(names = "--monthly-wages", split = ",", description = "JHT_PAYOUT: one wage per contribution month, oldest first.") List<BigDecimal> monthlyWages;
        @Option(names = "--partial-claimed", description = "JHT_PAYOUT: a partial claim was already paid (only one is allowed).") boolean partialClaimed;
        @Option(names = "--regulations-dir", description = "Extra regulation files (default: LINDUNG_REGULATIONS_DIR or <data-dir>/regulations).") Path regulationsDir;

        @Override
        public Integer call() {
            print(quotes(regulationsDir).benefit(new BenefitQuoteInput(benefitCase, date, segment, wage, membershipStart, children,
                    percent, months, contributionMonths, averageWage, contributionMonths24, consecutiveMonths, reason, birthDate,
                    employmentEnd, contributionStart, monthlyWages, partialClaimed)));
            return 0;
        }
    }
}
