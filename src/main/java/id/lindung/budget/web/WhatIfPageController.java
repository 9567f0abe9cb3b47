package id.lindung.budget.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.PlanDocuments;
import id.lindung.budget.WhatIf;
import id.lindung.platform.InputProblem;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.MoneyField;
import id.lindung.platform.NotFoundException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The national what-if for national roles (every role whose scope is the nation; for the others the nation is outside
 * their area: 404): a policy costed for the nation, each province and each regency, with the tables as CSV or XLSX.
 * A calculation that stores nothing, so it is a GET form and read-only roles may use it.
 */
@Controller
class WhatIfPageController {

    private static final Set<String> FIELDS = Set.of("year", "perangkatPerDesa", "officialPrograms", "vulnerablePerDesa",
            "vulnerableIncome", "vulnerablePrograms", "vulnerablePayer", "region");

    private final WhatIf whatIf;
    private final BudgetPlans plans;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final id.lindung.platform.ProblemLanguage language;
    private final PlanDocuments documents;

    WhatIfPageController(WhatIf whatIf, BudgetPlans plans, CurrentActor currentActor, MessageSource messages,
                         PlanDocuments documents,
                         id.lindung.platform.ProblemLanguage language) {
        this.language = language;
        this.documents = documents;
        this.whatIf = whatIf;
        this.plans = plans;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    @GetMapping("/anggaran/simulasi-kebijakan")
    String page(@RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        Actor actor = national();
        Form form = params.containsKey("year") ? Form.of(params) : Form.defaults(plans.today().getYear() + 1);
        model.addAttribute("form", form);
        model.addAttribute("problems", BudgetProblems.none());
        if (params.containsKey("year")) {
            try {
                model.addAttribute("result", whatIf.run(form.toPolicy(), actor));
                model.addAttribute("query", form.query());
            } catch (InvalidInputException e) {
                model.addAttribute("problems", BudgetProblems.of(e.problems(), FIELDS, messages, language, locale));
            }
        }
        return "budget/whatif";
    }

    /** The provinces' or the regencies' table as CSV, or every table as XLSX, for the same policy. */
    @GetMapping("/anggaran/simulasi-kebijakan/unduh")
    ResponseEntity<byte[]> download(@RequestParam MultiValueMap<String, String> params, Locale locale) {
        Actor actor = national();
        CsvDialect dialect = CsvDialect.of(params.getFirst("delimiter"));
        Map<String, Object> result = whatIf.run(Form.of(params).toPolicy(), actor);
        String table = "regencies".equals(params.getFirst("table")) ? "regencies" : "provinces";
        return WhatIfTables.download(params.getFirst("format"), dialect, result, table, key -> messages.getMessage(key, null, key, locale),
                documents.unverifiedLines(result, locale));
    }

    private Actor national() {
        Actor actor = currentActor.get();
        if (!actor.scope().isNational()) {
            throw new NotFoundException("The national what-if is for national roles");
        }
        return actor;
    }

    /** The policy as typed. {@code officials} is a checkbox: absent means no officials. */
    record Form(String year, boolean officials, String perangkatPerDesa, List<String> officialPrograms, String vulnerablePerDesa,
                String vulnerableIncome, List<String> vulnerablePrograms, String vulnerablePayer, String region) {

        static Form defaults(int year) {
            return new Form(Integer.toString(year), true, "8", List.of("JKK", "JKM"), "0", "1000000", List.of("JKK", "JKM"), "APBDES", "");
        }

        static Form of(MultiValueMap<String, String> p) {
            return new Form(first(p, "year"), p.containsKey("officials"), first(p, "perangkatPerDesa"),
                    p.getOrDefault("officialPrograms", List.of()), first(p, "vulnerablePerDesa"), first(p, "vulnerableIncome"),
                    p.getOrDefault("vulnerablePrograms", List.of()), first(p, "vulnerablePayer"), first(p, "region"));
        }

        WhatIf.Policy toPolicy() {
            List<InputProblem> problems = new ArrayList<>();
            Integer y = whole("year", year, problems);
            Integer perangkat = whole("perangkatPerDesa", perangkatPerDesa, problems);
            Integer vulnerable = whole("vulnerablePerDesa", vulnerablePerDesa, problems);
            BigDecimal income = MoneyField.read("vulnerableIncome", vulnerableIncome, "INVALID_NUMBER", "INVALID_AMOUNT", problems);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new WhatIf.Policy(y, officials, perangkat, officialPrograms, vulnerable, income, vulnerablePrograms,
                    vulnerablePayer.isBlank() ? null : vulnerablePayer, region.isBlank() ? null : region);
        }

        /** The form's values as a query string, for the download links. */
        String query() {
            StringBuilder q = new StringBuilder("year=").append(enc(year)).append("&perangkatPerDesa=").append(enc(perangkatPerDesa))
                    .append("&vulnerablePerDesa=").append(enc(vulnerablePerDesa)).append("&vulnerableIncome=").append(enc(vulnerableIncome))
                    .append("&vulnerablePayer=").append(enc(vulnerablePayer)).append("&region=").append(enc(region));
            if (officials) {
                q.append("&officials=on");
            }
            officialPrograms.forEach(p -> q.append("&officialPrograms=").append(enc(p)));
            vulnerablePrograms.forEach(p -> q.append("&vulnerablePrograms=").append(enc(p)));
            return q.toString();
        }

        private static String enc(String s) {
            return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
        }

        private static Integer whole(String field, String text, List<InputProblem> problems) {
            if (text.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                problems.add(InputProblem.of(field, "INVALID_NUMBER", field + " is not a whole number"));
                return null;
            }
        }

        private static String first(MultiValueMap<String, String> p, String name) {
            String v = p.getFirst(name);
            return v == null ? "" : v.strip();
        }
    }
}
