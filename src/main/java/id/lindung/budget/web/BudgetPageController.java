package id.lindung.budget.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.NamedLists;
import id.lindung.budget.PlanDocuments;
import id.lindung.budget.PlanOverviews;
import id.lindung.budget.RegionLabels;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.WorkerCategories;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
    private final id.lindung.platform.ProblemLanguage language;
    private final NamedLists namedLists;
    private final WorkerCategories categories;
    private final RegionLabels regions;

    BudgetPageController(BudgetPlans plans, PlanOverviews overviews, PlanDocuments documents, CurrentActor currentActor,
                         MessageSource messages, NamedLists namedLists, WorkerCategories categories, RegionLabels regions,
                         id.lindung.platform.ProblemLanguage language) {
        this.language = language;
        this.namedLists = namedLists;
        this.categories = categories;
        this.regions = regions;
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
        model.addAttribute("plansCount", plans.count(null, y, actor));
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
        if (plan.get("namedList") != null) {
            List<Map<String, Object>> people = (List<Map<String, Object>>) namedLists.show(id, actor).get("people");
            model.addAttribute("listPeople", people.subList(0, Math.min(LIST_SHOWN, people.size())));
            Map<String, String> names = new LinkedHashMap<>();
            categories.all().forEach(c -> names.put(c.code(), c.name(locale)));
            model.addAttribute("categoryNames", names);
        }
        model.addAttribute("listShown", LIST_SHOWN);
        return "budget/plan";
    }

    /** People of a named list shown on the plan page; the plan's figures cover all of them. */
    static final int LIST_SHOWN = 200;

    /**
     * The plan's named list uploaded (a DRAFT; CSV or XLSX in the worker import format, nobody registered): back to the
     * plan costed with it, or the plan page with every problem of the file by line.
     */
    @PostMapping("/anggaran/{id}/daftar-nama")
    String uploadList(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
                      RedirectAttributes redirect, Locale locale) {
        Actor actor = currentActor.get();
        BudgetPlans.requireWriter(actor);
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "REQUIRED", "Choose the file to upload");
            }
            try (InputStream content = file.getInputStream()) {
                namedLists.upload(id, file.getOriginalFilename(), content, actor);
            }
            redirect.addFlashAttribute("flash", "budget.list.uploaded");
            return "redirect:/anggaran/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("listProblems", e.problems().stream().map(p -> (p.line() > 0
                    ? messages.getMessage("budget.list.line", new Object[] {p.line()}, locale) + " · " : "")
                    + (p.field() == null ? "" : p.field() + ": ") + BudgetProblems.text(p, language, locale)).toList());
            return plan(id, model, locale);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping("/anggaran/{id}/daftar-nama/hapus")
    String removeList(@PathVariable long id, RedirectAttributes redirect) {
        Actor actor = currentActor.get();
        BudgetPlans.requireWriter(actor);
        namedLists.remove(id, actor);
        redirect.addFlashAttribute("flash", "budget.list.removed");
        return "redirect:/anggaran/" + id;
    }

    @GetMapping("/anggaran/wilayah/{code}")
    String region(@PathVariable String code, @RequestParam(required = false) String year, Model model) {
        Integer y = BudgetApiController.parseYear(year);
        Map<String, Object> view = overviews.regency(code, y == null ? plans.today().getYear() + 1 : y, currentActor.get());
        model.addAttribute("view", view);
        model.addAttribute("regionName", regions.label((String) view.get("code")));
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
                model.addAttribute("problems", BudgetProblems.of(e.problems(), java.util.Set.of(), messages, language, locale));
            }
        } else if (!picked.isEmpty()) {
            model.addAttribute("pickMore", true);
        }
        return "budget/compare";
    }
}
