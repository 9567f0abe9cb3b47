package id.lindung.budget.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.PlanDocuments;
import id.lindung.budget.PlanOverviews;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The budget pages (Indonesian, with the English switch): plans in scope, one plan, a regency's villages. Read-only. */
@Controller
class BudgetPageController {

    private final BudgetPlans plans;
    private final PlanOverviews overviews;
    private final PlanDocuments documents;
    private final CurrentActor currentActor;

    BudgetPageController(BudgetPlans plans, PlanOverviews overviews, PlanDocuments documents, CurrentActor currentActor) {
        this.plans = plans;
        this.overviews = overviews;
        this.documents = documents;
        this.currentActor = currentActor;
    }

    @GetMapping("/anggaran")
    String list(@RequestParam(required = false) String year, Model model) {
        Actor actor = currentActor.get();
        Integer y = BudgetApiController.parseYear(year);
        model.addAttribute("plans", plans.list(null, y, actor));
        model.addAttribute("year", y);
        model.addAttribute("nextYear", plans.today().getYear() + 1);
        return "budget/plans";
    }

    @GetMapping("/anggaran/{id}")
    @SuppressWarnings("unchecked")
    String plan(@PathVariable long id, Model model, Locale locale) {
        Map<String, Object> plan = plans.get(id, currentActor.get());
        model.addAttribute("plan", plan);
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
}
