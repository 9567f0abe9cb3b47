package id.lindung.quote.web;

import id.lindung.platform.InvalidInputException;
import id.lindung.quote.BenefitQuoteInput;
import id.lindung.quote.ContributionQuoteInput;
import id.lindung.quote.Quotes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
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

    SimulationPageController(Quotes quotes, Clock clock) {
        this.quotes = quotes;
        this.clock = clock;
    }

    @GetMapping("/simulasi")
    String page(Model model) {
        model.addAttribute("defaultMonth", YearMonth.now(clock).toString());
        model.addAttribute("defaultDate", LocalDate.now(clock).toString());
        model.addAttribute("risks", id.lindung.shared.RiskGroup.values());
        model.addAttribute("programs", id.lindung.shared.Programme.values());
        // the JHT payout needs a contribution history and a reason, which this form does not ask for yet (CLI and API)
        model.addAttribute("cases", java.util.Arrays.stream(id.lindung.benefit.BenefitCase.values())
                .filter(c -> c != id.lindung.benefit.BenefitCase.JHT_PAYOUT).toList());
        return "regulation/simulation";
    }

    @PostMapping("/simulasi/iuran")
    String contribution(@RequestParam String segment, @RequestParam String month, @RequestParam(required = false) BigDecimal wage,
                        @RequestParam(required = false) String risk, @RequestParam(required = false) List<String> programs,
                        @RequestParam(defaultValue = "false") boolean labourIntensive,
                        @RequestParam(defaultValue = "false") boolean villageGovernment, Model model) {
        try {
            model.addAttribute("quote", quotes.contribution(new ContributionQuoteInput(segment, month, wage,
                    "BPU".equals(segment) ? null : risk, programs, labourIntensive, villageGovernment)));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems().stream().map(Object::toString).toList());
        } catch (IllegalArgumentException e) {
            model.addAttribute("errors", List.of(e.getMessage()));
        }
        return "regulation/simulation :: contributionResult";
    }

    @PostMapping("/simulasi/manfaat")
    String benefit(@RequestParam("case") String benefitCase, @RequestParam String date,
                   @RequestParam(required = false) String segment, @RequestParam(required = false) BigDecimal wage,
                   @RequestParam(required = false) String membershipStart, @RequestParam(required = false) Integer children,
                   @RequestParam(required = false) BigDecimal percent, @RequestParam(required = false) Integer months,
                   @RequestParam(required = false) Integer contributionMonths, @RequestParam(required = false) BigDecimal averageWage,
                   @RequestParam(required = false) Integer contributionMonths24,
                   @RequestParam(required = false) Integer consecutiveMonths, Model model) {
        try {
            model.addAttribute("quote", quotes.benefit(new BenefitQuoteInput(benefitCase, date, segment, wage, membershipStart,
                    children, percent, months, contributionMonths, averageWage, contributionMonths24, consecutiveMonths, null, null,
                    null, null, null, null)));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems().stream().map(Object::toString).toList());
        } catch (IllegalArgumentException e) {
            model.addAttribute("errors", List.of(e.getMessage()));
        }
        return "regulation/simulation :: benefitResult";
    }
}
