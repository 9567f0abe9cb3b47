package id.lindung.quote.web;

import id.lindung.platform.InvalidInputException;
import id.lindung.platform.MoneyField;
import id.lindung.quote.BenefitQuoteInput;
import id.lindung.quote.ContributionQuoteInput;
import id.lindung.quote.Quotes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Simulasi iuran & manfaat": the quote forms for a village operator; htmx swaps in the results. */
@Controller
class SimulationPageController {

    private final Quotes quotes;
    private final Clock clock;
    private final org.springframework.context.MessageSource messages;
    private final id.lindung.platform.ProblemLanguage problems;

    SimulationPageController(Quotes quotes, Clock clock, org.springframework.context.MessageSource messages,
                             id.lindung.platform.ProblemLanguage problems) {
        this.problems = problems;
        this.quotes = quotes;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/simulasi")
    String page(Model model) {
        model.addAttribute("defaultMonth", YearMonth.now(clock).toString());
        model.addAttribute("defaultDate", LocalDate.now(clock).toString());
        model.addAttribute("risks", id.lindung.shared.RiskGroup.values());
        model.addAttribute("programs", id.lindung.shared.Programme.values());
        model.addAttribute("cases", id.lindung.benefit.BenefitCase.values());
        model.addAttribute("jhtReasons", id.lindung.benefit.JhtReason.values());
        return "regulation/simulation";
    }

    @PostMapping("/simulasi/iuran")
    String contribution(@RequestParam String segment, @RequestParam String month, @RequestParam(required = false) String wage,
                        @RequestParam(required = false) String risk, @RequestParam(required = false) List<String> programs,
                        @RequestParam(defaultValue = "false") boolean labourIntensive,
                        @RequestParam(defaultValue = "false") boolean villageGovernment, Model model, Locale locale) {
        try {
            model.addAttribute("quote", quotes.contribution(new ContributionQuoteInput(segment, month, money("wage", wage),
                    "BPU".equals(segment) ? null : risk, programs, labourIntensive, villageGovernment)));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems().stream().map(p -> problemText(p, locale)).toList());
        } catch (id.lindung.shared.RejectedException e) {
            model.addAttribute("errors", List.of(rejectedText(e, locale)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("errors", List.of(e.getMessage()));
        }
        return "regulation/simulation :: contributionResult";
    }

    @PostMapping("/simulasi/manfaat")
    String benefit(@RequestParam("case") String benefitCase, @RequestParam String date,
                   @RequestParam(required = false) String segment, @RequestParam(required = false) String wage,
                   @RequestParam(required = false) String membershipStart, @RequestParam(required = false) Integer children,
                   @RequestParam(required = false) BigDecimal percent, @RequestParam(required = false) Integer months,
                   @RequestParam(required = false) Integer contributionMonths, @RequestParam(required = false) String averageWage,
                   @RequestParam(required = false) Integer contributionMonths24,
                   @RequestParam(required = false) Integer consecutiveMonths,
                   @RequestParam(required = false) String reason, @RequestParam(required = false) String birthDate,
                   @RequestParam(required = false) String employmentEnd, @RequestParam(required = false) String contributionStart,
                   @RequestParam(required = false) String monthlyWages,
                   @RequestParam(defaultValue = "false") boolean partialClaimed, Model model, Locale locale) {
        boolean jht = "JHT_PAYOUT".equals(benefitCase);
        // a JP old-age quote takes a birth date (pension age) and a first contribution month (lump sum) as JHT does
        boolean person = jht || "JP_OLD_AGE".equals(benefitCase);
        try {
            List<BigDecimal> wages = jht ? wages(monthlyWages) : null;
            if (jht) {
                requireForReason(reason, birthDate, employmentEnd);
            }
            var quote = quotes.benefit(new BenefitQuoteInput(benefitCase, date, segment, jht && wages != null && !wages.isEmpty() ? null : money("wage", wage),
                    membershipStart, children, percent, months, contributionMonths, money("averageWage", averageWage), contributionMonths24, consecutiveMonths,
                    jht ? blankToNull(reason) : null, person ? blankToNull(birthDate) : null, jht ? blankToNull(employmentEnd) : null,
                    person ? blankToNull(contributionStart) : null, wages, jht ? partialClaimed : null));
            model.addAttribute("quote", quote);
            model.addAttribute("hasScholarship", quote.components().stream().anyMatch(c -> "SCHOLARSHIP_MAX".equals(c.code())));
            // the JP lump sum's returns rest on a rate no cited source gives: said in words beside the amount
            model.addAttribute("unverifiedJpReturns", quote.components().stream().anyMatch(c -> "JP_RETURNS".equals(c.code())
                    && c.references().stream().anyMatch(r -> !r.verified())));
            // one sentence per rejection, in its order: two rejections of one code name different values; the page's
            // own sentence when it names every value the rejection names, else one that places them (ProblemLanguage)
            model.addAttribute("rejectionTexts", quote.rejections().stream()
                    .map(r -> problems.onPage(r.code(), r.message(), locale, List.of("simulation.rejection."))).toList());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems().stream().map(p -> problemText(p, locale)).toList());
        } catch (id.lindung.shared.RejectedException e) {
            model.addAttribute("errors", List.of(rejectedText(e, locale)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("errors", List.of(e.getMessage()));
        }
        return "regulation/simulation :: benefitResult";
    }

    /** A money field as typed on a receipt ({@code 1.500.000}, {@code Rp 1.500.000}), as the imports read amounts. */
    private static BigDecimal money(String field, String text) {
        return MoneyField.readOrThrow(field, text, "INVALID_NUMBER", "TOO_PRECISE");
    }

    /** The wages of a contribution history as typed: one per line, or separated by commas or semicolons; dots group thousands. */
    private static List<BigDecimal> wages(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<BigDecimal> wages = new java.util.ArrayList<>();
        for (String part : text.split("[\\s,;]+")) {
            if (part.isBlank()) {
                continue;
            }
            String digits = part.replace(".", "");
            try {
                wages.add(new BigDecimal(digits));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("monthlyWages", "INVALID_NUMBER", "monthlyWages '" + part + "' is not an amount");
            }
        }
        return wages;
    }

    /** The facts a JHT reason needs, asked here so the form names the missing field in the page's language. */
    private static void requireForReason(String reason, String birthDate, String employmentEnd) {
        if ("AGE_56".equals(reason) && (birthDate == null || birthDate.isBlank())) {
            throw new InvalidInputException("birthDate", "REQUIRED", "birthDate is required for a JHT payout at age 56");
        }
        if (("RESIGNATION".equals(reason) || "DISMISSAL".equals(reason)) && (employmentEnd == null || employmentEnd.isBlank())) {
            throw new InvalidInputException("employmentEnd", "REQUIRED", "employmentEnd is required for " + reason);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * A request refused as a whole, in the page's language where the bundle has its code (as a refusal of the whole, else
     * as the same code's rejection of a component: JP_MONTHS_IMPOSSIBLE is either).
     */
    private String rejectedText(id.lindung.shared.RejectedException e, Locale locale) {
        // the page's own sentence, written for the form, else the API's in the page's language (never "CODE: English")
        String asApi = problems.inLanguage(e.code(), e.rejection().message(), locale);
        String asRejection = messages.getMessage("simulation.rejection." + e.code(), null, asApi, locale);
        return messages.getMessage("simulation.rejected." + e.code(), null, asRejection, locale);
    }

    /** A validation problem in the page's language: the code's sentence with the field's label, else the problem as given. */
    private String problemText(id.lindung.platform.InputProblem p, Locale locale) {
        String field = messages.getMessage("simulation.field." + p.field(), null, p.field(), locale);
        return messages.getMessage("simulation.error." + p.code(), new Object[] {field}, p.toString(), locale);
    }
}
