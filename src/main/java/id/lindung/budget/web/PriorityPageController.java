package id.lindung.budget.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.CategoryRanks;
import id.lindung.budget.Prioritisation;
import id.lindung.budget.Prioritising;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.MoneyField;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who a fixed budget covers first: the plan's candidates ranked by an ordering the page shows and lets one change (the
 * criteria in order, the payer's ranking of categories), the in/out list with each one's rank, cost or reason, and the
 * enrolment of the chosen in one step. Writers run it by POST (the module keeps the result for enrolment); read-only
 * roles run it by GET and see NIKs masked, nothing kept, and no enrolment.
 */
@Controller
class PriorityPageController {

    /** Rows of each list shown on the page; the counts and the cost always cover everyone. */
    static final int SHOWN = 1000;

    private final BudgetPlans plans;
    private final Prioritisation prioritisation;
    private final PriorityReads reads;
    private final WorkerCategories categories;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final id.lindung.platform.ProblemLanguage language;
    private final CategoryRanks categoryRanks;

    PriorityPageController(BudgetPlans plans, Prioritisation prioritisation, PriorityReads reads, WorkerCategories categories,
                           CurrentActor currentActor, MessageSource messages, CategoryRanks categoryRanks,
                           id.lindung.platform.ProblemLanguage language) {
        this.language = language;
        this.plans = plans;
        this.categoryRanks = categoryRanks;
        this.prioritisation = prioritisation;
        this.reads = reads;
        this.categories = categories;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    /** The form with the last kept settings (or the defaults); a read-only role's run is this GET with the form's values. */
    @GetMapping("/anggaran/{id}/prioritas")
    String page(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        Actor actor = currentActor.get();
        Map<String, Object> plan = plans.get(id, actor);
        var kept = reads.last(id);
        Form form = params.containsKey("budget") ? Form.of(params)
                : kept.map(k -> new Form(k.budget().stripTrailingZeros().toPlainString(), k.candidates(), k.order(),
                        k.categoryRank(), k.wage().stripTrailingZeros().toPlainString(), k.programs(), false))
                .orElse(Form.defaults(categoryRanks.get((String) plan.get("payer"), actor).categoryRank()));
        Map<String, Object> result = null;
        BudgetProblems problems = BudgetProblems.none();
        if (params.containsKey("budget") && !actor.role().canChangeData()) {
            try {
                result = prioritisation.prioritise(id, form.toRequest(), actor);
            } catch (InvalidInputException e) {
                problems = problems(e, locale);
            }
        }
        return show(plan, form, result, problems, kept.orElse(null), model, actor, locale);
    }

    @PostMapping("/anggaran/{id}/prioritas")
    String run(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        Actor actor = writer();
        Map<String, Object> plan = plans.get(id, actor);
        Form form = Form.of(params);
        Map<String, Object> result = null;
        BudgetProblems problems = BudgetProblems.none();
        try {
            if (form.saveRank()) {
                // the payer's own ranking, kept for its later prioritisations (audited by the module)
                categoryRanks.set((String) plan.get("payer"), form.categoryRank(), actor);
            }
            result = prioritisation.prioritise(id, form.toRequest(), actor);
        } catch (InvalidInputException e) {
            problems = problems(e, locale);
        }
        return show(plan, form, result, problems, reads.last(id).orElse(null), model, actor, locale);
    }

    /** Enrols the chosen of the last kept prioritisation; once confirmed. Enrolling again creates nothing new. */
    @PostMapping("/anggaran/{id}/daftarkan")
    String enrol(@PathVariable long id, @RequestParam(required = false) String confirm, Model model, RedirectAttributes redirect,
                 Locale locale) {
        Actor actor = writer();
        Map<String, Object> plan = plans.get(id, actor);
        var kept = reads.last(id).orElse(null);
        try {
            if (!"yes".equals(confirm)) {
                throw new InvalidInputException("confirm", "CONFIRM_REQUIRED", "Tick the confirmation to enrol");
            }
            Map<String, Object> done = prioritisation.enrol(id, actor);
            redirect.addFlashAttribute("enrolled", done.get("enrolled"));
            redirect.addFlashAttribute("alreadyEnrolled", done.get("alreadyEnrolled"));
            return "redirect:/anggaran/" + id + "/prioritas";
        } catch (InvalidInputException e) {
            Form form = kept == null ? Form.defaults(List.of()) : new Form(kept.budget().toPlainString(), kept.candidates(),
                    kept.order(), kept.categoryRank(), kept.wage().toPlainString(), kept.programs(), false);
            return show(plan, form, null, problems(e, locale), kept, model, actor, locale);
        }
    }

    private BudgetProblems problems(InvalidInputException e, Locale locale) {
        return BudgetProblems.of(e.problems(), Set.of("budget", "order", "candidates", "wage", "programs", "categoryRank", "confirm"),
                messages, language, locale);
    }

    @SuppressWarnings("unchecked")
    private String show(Map<String, Object> plan, Form form, Map<String, Object> result, BudgetProblems problems, PriorityReads.Kept kept,
                        Model model, Actor actor, Locale locale) {
        model.addAttribute("plan", plan);
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("kept", kept);
        model.addAttribute("canWrite", actor.role().canChangeData());
        model.addAttribute("hasList", plan.get("namedList") != null);
        model.addAttribute("candidateKinds", Arrays.stream(Prioritisation.Candidates.values()).map(Enum::name).toList());
        model.addAttribute("criteria", Arrays.stream(Prioritising.Criterion.values()).map(Enum::name).toList());
        Map<String, String> names = new LinkedHashMap<>();
        categories.all().forEach(c -> names.put(c.code(), c.name(locale)));
        model.addAttribute("categoryNames", names);
        model.addAttribute("ranks", form.ranks(categories.all()));
        if (result != null) {
            List<Map<String, Object>> chosen = (List<Map<String, Object>>) result.get("chosen");
            List<Map<String, Object>> left = (List<Map<String, Object>>) result.get("left");
            model.addAttribute("chosen", chosen.subList(0, Math.min(SHOWN, chosen.size())));
            model.addAttribute("left", left.subList(0, Math.min(SHOWN, left.size())));
        }
        model.addAttribute("result", result);
        model.addAttribute("shown", SHOWN);
        return "budget/priority";
    }

    private Actor writer() {
        Actor actor = currentActor.get();
        BudgetPlans.requireWriter(actor);
        return actor;
    }

    /** A category's place in the payer's ranking as the form shows it (1 = first). */
    record Rank(String code, int position) {}

    /** The prioritisation form as typed. {@code categoryRank} lists the codes in the order given. */
    record Form(String budget, String candidates, List<String> order, List<String> categoryRank, String wage, List<String> programs,
                boolean saveRank) {

        /** The default settings, with the payer's category ranking. */
        static Form defaults(List<String> payerRank) {
            return new Form("", Prioritisation.UNPROTECTED_IN_AREA, Prioritising.names(Prioritising.DEFAULT_ORDER), payerRank, "",
                    List.of("JKK", "JKM"), false);
        }

        /**
         * The form as posted: {@code order} repeated in order (blank ones skipped), {@code rank.CODE} a number per
         * category (the ranking is the categories by that number; ties and blanks keep the list order).
         */
        static Form of(MultiValueMap<String, String> p) {
            // an address with only ?budget= (a link, a bookmark) runs with the default order and programmes: the form shows
            // them, where it showed "none" and no programme beside a result that used the defaults
            List<String> order = p.containsKey("order")
                    ? p.get("order").stream().filter(s -> !s.isBlank()).distinct().toList()
                    : Prioritising.names(Prioritising.DEFAULT_ORDER);
            record Ranked(String code, double position, int index) {}
            List<Ranked> ranked = new ArrayList<>();
            int index = 0;
            for (var e : p.entrySet()) {
                if (e.getKey().startsWith("rank.") && e.getValue() != null && !e.getValue().isEmpty()) {
                    double position;
                    try {
                        position = Double.parseDouble(e.getValue().get(0).strip());
                    } catch (NumberFormatException notANumber) {
                        position = Double.MAX_VALUE;
                    }
                    ranked.add(new Ranked(e.getKey().substring(5), position, index++));
                }
            }
            List<String> rank = ranked.stream().sorted(Comparator.comparingDouble(Ranked::position).thenComparingInt(Ranked::index))
                    .map(Ranked::code).toList();
            return new Form(first(p, "budget"), first(p, "candidates").isBlank() ? Prioritisation.UNPROTECTED_IN_AREA : first(p, "candidates"),
                    order, rank, first(p, "wage"), p.containsKey("programs") ? p.get("programs") : List.of("JKK", "JKM"),
                    "yes".equals(first(p, "saveRank")));
        }

        /** The order as three choices (the page's three selects). */
        public List<String> orderSlots() {
            List<String> slots = new ArrayList<>(order);
            while (slots.size() < 3) {
                slots.add("");
            }
            return slots;
        }

        /** Every category with its place: as ranked in the form, then the others in list order. */
        public List<Rank> ranks(List<WorkerCategory> all) {
            List<String> codes = new ArrayList<>(categoryRank);
            all.stream().map(WorkerCategory::code).filter(c -> !codes.contains(c)).forEach(codes::add);
            List<Rank> out = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                out.add(new Rank(codes.get(i), i + 1));
            }
            return out;
        }

        Prioritisation.Request toRequest() {
            BigDecimal amount = number("budget", budget);
            BigDecimal income = number("wage", wage);
            if (amount == null) {
                throw new InvalidInputException("budget", "REQUIRED", "Give the budget in rupiah");
            }
            return new Prioritisation.Request(amount, order, categoryRank, candidates, income, programs);
        }

        /** Rupiah as typed on a receipt ({@code 1.500.000}, {@code Rp 2.500.000.000}), as the imports read amounts. */
        private static BigDecimal number(String field, String text) {
            return MoneyField.readOrThrow(field, text, "INVALID_NUMBER", "INVALID_AMOUNT");
        }

        private static String first(MultiValueMap<String, String> p, String name) {
            String v = p.getFirst(name);
            return v == null ? "" : v.strip();
        }
    }
}
