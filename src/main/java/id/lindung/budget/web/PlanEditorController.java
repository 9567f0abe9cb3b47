package id.lindung.budget.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.PlanEdits;
import id.lindung.budget.PlanRequest;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.WorkerCategories;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan editor: a new plan, or a DRAFT changed, with its cohorts. The totals follow the form as it is typed (htmx,
 * debounced): the module costs the form without storing it ({@link BudgetPlans#preview}) and the page shows the year's
 * total, per programme, the payer's and the worker's share and the months, or each problem at its field. Saving stores a
 * DRAFT; marking FINAL fixes the figures. Only the roles that change data reach any of it (403 for the others).
 */
@Controller
class PlanEditorController {

    private final BudgetPlans plans;
    private final PlanEdits edits;
    private final WorkerCategories categories;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final id.lindung.platform.ProblemLanguage language;
    private final JdbcClient jdbc;

    PlanEditorController(BudgetPlans plans, PlanEdits edits, WorkerCategories categories, CurrentActor currentActor,
                         MessageSource messages, JdbcClient jdbc,
                         id.lindung.platform.ProblemLanguage language) {
        this.language = language;
        this.plans = plans;
        this.edits = edits;
        this.categories = categories;
        this.currentActor = currentActor;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    @GetMapping("/anggaran/baru")
    String newPlan(@RequestParam(required = false) String payer, @RequestParam(required = false) String year, Model model,
                   Locale locale) {
        Actor actor = writer();
        Integer y = BudgetApiController.parseYear(year);
        String code = actor.scope().code();
        if ((payer == null || payer.isBlank()) && code.length() == 13 && code.charAt(9) == '2') {
            // a desa's operator plans for the desa's own APBDes almost always: the field starts with it (still editable)
            payer = "APBDES:" + code;
        }
        PlanForm form = PlanForm.blank(payer, y == null ? plans.today().getYear() + 1 : y);
        Costing c = form.payer().isBlank() ? new Costing(null, BudgetProblems.none()) : cost(null, form, KEEP, actor, locale);
        return editor(null, form, KEEP, c.problems(), c.preview(), model, actor, locale);
    }

    @GetMapping("/anggaran/{id}/ubah")
    String edit(@PathVariable long id, Model model, RedirectAttributes redirect, Locale locale) {
        Actor actor = writer();
        PlanForm form;
        try {
            form = PlanForm.ofPlan(edits.draft(id, actor));
        } catch (InvalidInputException finalPlan) {
            redirect.addFlashAttribute("flash", "budget.code.PLAN_FINAL");
            return "redirect:/anggaran/" + id;
        }
        Costing c = cost(id, form, KEEP, actor, locale);
        return editor(id, form, KEEP, c.problems(), c.preview(), model, actor, locale);
    }

    /** The live totals: the form costed, not stored; the problems go to their fields' slots (out of band). */
    @PostMapping("/anggaran/pratinjau")
    String preview(@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) Long id, Model model,
                   Locale locale) {
        Actor actor = writer();
        PlanForm form = PlanForm.of(params);
        Costing c = cost(id, form, choice(params), actor, locale);
        model.addAttribute("form", form);
        model.addAttribute("preview", c.preview());
        model.addAttribute("problems", c.problems());
        model.addAttribute("slots", slots(form, c.problems()));
        model.addAttribute("programs", PlanForm.PROGRAMS);
        return "budget/editor :: totals";
    }

    /** A row added or removed: the editor again (its form only, for htmx; the page without script). */
    @PostMapping("/anggaran/formulir")
    String rows(@RequestParam MultiValueMap<String, String> params, @RequestParam(required = false) Long id,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        Actor actor = writer();
        PlanForm form = PlanForm.of(params);
        PlanEdits.ListChoice choice = choice(params);
        Costing c = cost(id, form, choice, actor, locale);
        String page = editor(id, form, choice, c.problems(), c.preview(), model, actor, locale);
        return htmx != null ? page + " :: editor" : page;
    }

    @PostMapping("/anggaran/baru")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect, Locale locale) {
        Actor actor = writer();
        PlanForm form = PlanForm.of(params);
        return save(null, form, KEEP, actor, model, redirect, locale);
    }

    @PostMapping("/anggaran/{id}/ubah")
    String update(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect, Locale locale) {
        Actor actor = writer();
        edits.draft(id, actor);
        return save(id, PlanForm.of(params), choice(params), actor, model, redirect, locale);
    }

    @PostMapping("/anggaran/{id}/final")
    String finalise(@PathVariable long id, RedirectAttributes redirect) {
        plans.finalise(id, writer());
        redirect.addFlashAttribute("flash", "budget.editor.finalised");
        return "redirect:/anggaran/" + id;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String save(Long id, PlanForm form, PlanEdits.ListChoice choice, Actor actor, Model model, RedirectAttributes redirect,
                        Locale locale) {
        List<InputProblem> typed = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        PlanRequest request = form.toRequest(typed, rowOf);
        if (!typed.isEmpty()) {
            Costing c = cost(id, form, choice, actor, locale);
            return editor(id, form, choice, c.problems(), null, model, actor, locale);
        }
        try {
            long saved;
            if (id == null) {
                saved = ((Number) plans.create(request, actor).get("id")).longValue();
            } else {
                edits.update(id, request, choice, actor);
                saved = id;
            }
            redirect.addFlashAttribute("flash", "budget.editor.saved");
            return "redirect:/anggaran/" + saved;
        } catch (InvalidInputException e) {
            BudgetProblems problems = BudgetProblems.of(BudgetProblems.toRows(e.problems(), rowOf), new HashSet<>(form.slots()),
                    messages, language, locale);
            return editor(id, form, choice, problems, null, model, actor, locale);
        }
    }

    record Costing(Map<String, Object> preview, BudgetProblems problems) {}

    /** The form costed as saving would store it: a new plan, or the draft {@code id} with its named list kept or not. */
    private Costing cost(Long id, PlanForm form, PlanEdits.ListChoice choice, Actor actor, Locale locale) {
        List<InputProblem> typed = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        PlanRequest request = form.toRequest(typed, rowOf);
        List<InputProblem> all = new ArrayList<>(typed);
        Map<String, Object> preview = null;
        try {
            preview = id == null ? plans.preview(request, actor) : edits.preview(id, request, choice, actor);
        } catch (InvalidInputException e) {
            all.addAll(BudgetProblems.toRows(e.problems(), rowOf));
        }
        if (!typed.isEmpty()) {
            preview = null;
        }
        return new Costing(preview, BudgetProblems.of(all, new HashSet<>(form.slots()), messages, language, locale));
    }

    private String editor(Long id, PlanForm form, PlanEdits.ListChoice choice, BudgetProblems problems, Map<String, Object> preview,
                          Model model, Actor actor, Locale locale) {
        model.addAttribute("planId", id);
        // a draft's named list: the editor says it is kept (or lets the writer remove it with the edit)
        model.addAttribute("namedList", id == null ? null : edits.draft(id, actor).get("namedList"));
        model.addAttribute("listChoice", choice.name());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("preview", preview);
        model.addAttribute("categories", categories.active().stream().map(c -> new Choice(c.code(), c.name(locale))).toList());
        model.addAttribute("programs", PlanForm.PROGRAMS);
        model.addAttribute("payers", jdbc.sql("""
                        select code, name from registry_payer
                        where kind <> 'SELF' and region_code >= :lo and region_code < :hi order by kind, code limit 300""")
                .param("lo", actor.scope().lo()).param("hi", actor.scope().hi())
                .query((rs, n) -> new Choice(rs.getString(1), rs.getString(2))).list());
        return "budget/editor";
    }

    /** A field's error slot on the page and what it shows now (empty: the field is fine). */
    record Slot(String id, String text) {}

    static String slotId(String field) {
        return "err-" + field.replace("[", "-").replace("]", "").replace('.', '-');
    }

    private static List<Slot> slots(PlanForm form, BudgetProblems problems) {
        return form.slots().stream().map(f -> new Slot(slotId(f), problems.of(f) == null ? "" : problems.of(f))).toList();
    }

    private static final PlanEdits.ListChoice KEEP = PlanEdits.ListChoice.KEEP;

    private static PlanEdits.ListChoice choice(MultiValueMap<String, String> params) {
        return PlanEdits.ListChoice.of(params.getFirst("namedList"));
    }

    /** A value of a list and its name in the page's language. */
    record Choice(String code, String name) {}

    private Actor writer() {
        Actor actor = currentActor.get();
        BudgetPlans.requireWriter(actor);
        return actor;
    }
}
