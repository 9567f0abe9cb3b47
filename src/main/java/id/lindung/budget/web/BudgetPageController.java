package id.lindung.budget.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.PlanDocuments;
import id.lindung.budget.PlanOverviews;
import id.lindung.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The budget pages that read (Indonesian, with the English switch): plans in scope, one plan, a regency's villages and
 * scenarios side by side. The pages that change plans are {@link PlanEditorController} and {@link PriorityPageController}.
 */
@Controller
class BudgetPageController {

    private final BudgetPlans plans;
    private final PlanOverviews overviews;
    private final PlanDocuments documents;
    private final CurrentActor currentActor;
    private final MessageSource messages;

    BudgetPageController(BudgetPlans plans, PlanOverviews overviews, PlanDocuments documents, CurrentActor currentActor,
                         MessageSource messages) {
        this.plans = plans;
        this.overviews = overviews;
        this.documents = documents;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    @GetMapping("/anggaran")
    String list(@RequestParam(required = false) String year, Model model) {
        Actor actor = currentActor.get();
        Integer y = BudgetApiController.parseYear(year);
        model.addAttribute("plans", plans.list(null, y, actor));
        model.addAttribute("year", y);
        model.addAttribute("nextYear", plans.today().getYear() + 1);
        model.addAttribute("canWrite", actor.role().canChangeData());
        return "budget/plans";
    }

    @GetMapping("/anggaran/{id}")
    @SuppressWarnings("unchecked")
    String plan(@PathVariable long id, Model model, Locale locale) {
        Actor actor = currentActor.get();
        Map<String, Object> plan = plans.get(id, actor);
        model.addAttribute("plan", plan);
        model.addAttribute("canWrite", actor.role().canChangeData());
        List<Map<String, Object>> lines = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) plan.get("budgetLines")) {
            Map<String, Object> row = new LinkedHashMap<>(g);
            row.put("label", documents.lineName((String) g.get("line"), locale));
            lines.add(row);
        }
        model.addAttribute("lines", lines);
        model.addAttribute("assumptions", ((List<Map<String, Object>>) plan.get("assumptions")).stream()
                .map(a -> documents.assumption(a, locale)).toList());
        return "budget/plan";
    }

    @GetMapping("/anggaran/wilayah/{code}")
    String region(@PathVariable String code, @RequestParam(required = false) String year, Model model) {
        Integer y = BudgetApiController.parseYear(year);
        model.addAttribute("view", overviews.regency(code, y == null ? plans.today().getYear() + 1 : y, currentActor.get()));
        return "budget/region";
    }

    /**
     * Scenarios side by side: the plans of one payer and year to pick from, and the picked ones compared (cost, people,
     * coverage ratio, per programme). The payer and year come from the first plan picked when not given.
     */
    @GetMapping("/anggaran/bandingkan")
    String compare(@RequestParam(required = false) String payer, @RequestParam(required = false) String year,
                   @RequestParam(required = false) List<Long> ids, Model model, Locale locale) {
        Actor actor = currentActor.get();
        List<Long> picked = ids == null ? List.of() : ids.stream().distinct().toList();
        Integer y = BudgetApiController.parseYear(year);
        String p = payer == null || payer.isBlank() ? null : payer.strip();
        if ((p == null || y == null) && !picked.isEmpty()) {
            Map<String, Object> first = plans.get(picked.get(0), actor);
            p = p == null ? (String) first.get("payer") : p;
            y = y == null ? ((Number) first.get("year")).intValue() : y;
        }
        model.addAttribute("payer", p);
        model.addAttribute("year", y);
        model.addAttribute("picked", picked);
        model.addAttribute("choices", p == null || y == null ? List.of() : plans.list(p, y, actor));
        model.addAttribute("problems", BudgetProblems.none());
        if (picked.size() >= 2) {
            try {
                model.addAttribute("comparison", overviews.compare(picked, actor));
            } catch (InvalidInputException e) {
                model.addAttribute("problems", BudgetProblems.of(e.problems(), java.util.Set.of(), messages, locale));
            }
        } else if (!picked.isEmpty()) {
            model.addAttribute("pickMore", true);
        }
        return "budget/compare";
    }
}
