package id.lindung.registry.web;

import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import id.lindung.regulation.RegulationCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The worker categories page: everyone signed in reads them; an administrator adds and changes them. */
@Controller
class WorkerCategoryPageController {

    private static final String FIELDS = "code,nameId,nameEn,villageApparatus,defaultSegment,defaultWageParameter,opensidCodes,"
            + "active,sortOrder,verified,note,noteId";

    private final WorkerCategories categories;
    private final CurrentActor currentActor;
    private final RegulationCatalog regulations;

    WorkerCategoryPageController(WorkerCategories categories, CurrentActor currentActor, RegulationCatalog regulations) {
        this.categories = categories;
        this.currentActor = currentActor;
        this.regulations = regulations;
    }

    /** The form as typed; checkboxes are present ("on") or absent. */
    record CategoryForm(String code, String nameId, String nameEn, String villageApparatus, String defaultSegment,
                        String defaultWageParameter, String opensidCodes, String active, String sortOrder, String verified,
                        String note, String noteId) {

        static CategoryForm blank() {
            return new CategoryForm("", "", "", null, "BPU", "village.defaultWage.otherApparatus", "", "on", "", null, "", "");
        }

        static CategoryForm of(WorkerCategory c) {
            return new CategoryForm(c.code(), c.nameId(), c.nameEn(), c.villageApparatus() ? "on" : null, c.defaultSegment().name(),
                    c.defaultWageParameter(), c.opensidCodes().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    c.active() ? "on" : null, String.valueOf(c.sortOrder()), c.verified() ? "on" : null,
                    c.note() == null ? "" : c.note(), c.noteId() == null ? "" : c.noteId());
        }

        public boolean checked(String value) {
            return value != null && !value.isBlank();
        }

        /** The definition, or 400 with the fields whose text is no number. */
        WorkerCategories.Definition definition() {
            List<InputProblem> problems = new ArrayList<>();
            List<Integer> opensid = new ArrayList<>();
            for (String part : (opensidCodes == null ? "" : opensidCodes).split("[,;\\s]+")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    opensid.add(Integer.valueOf(part.trim()));
                } catch (NumberFormatException e) {
                    problems.add(InputProblem.of("opensidCodes", "OPENSID_CODE_INVALID", "OpenSID pekerjaan code '" + part.trim()
                            + "' is not a number"));
                }
            }
            Integer order = null;
            if (sortOrder != null && !sortOrder.isBlank()) {
                try {
                    order = Integer.valueOf(sortOrder.trim());
                } catch (NumberFormatException e) {
                    problems.add(InputProblem.of("sortOrder", "INVALID_NUMBER", "sort order '" + sortOrder.trim() + "' is not a whole number"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            return new WorkerCategories.Definition(code, nameId, nameEn, checked(villageApparatus), defaultSegment,
                    defaultWageParameter, opensid, checked(active), order, checked(verified), note == null ? "" : note,
                    noteId == null ? "" : noteId);
        }
    }

    @GetMapping("/pekerja/kategori")
    String list(@RequestParam(required = false) String saved, @RequestParam(required = false) String code, Model model) {
        model.addAttribute("categories", categories.all());
        model.addAttribute("canEdit", isAdmin());
        model.addAttribute("saved", "created".equals(saved) || "updated".equals(saved) ? saved : null);
        model.addAttribute("savedCode", code);
        return "registry/categories";
    }

    @GetMapping("/pekerja/kategori/baru")
    String newForm(Model model) {
        requireAdmin();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CategoryForm.blank());
        }
        return form(model, null);
    }

    @PostMapping("/pekerja/kategori")
    String create(@ModelAttribute CategoryForm form, Model model, RedirectAttributes redirect) {
        requireAdmin();
        try {
            WorkerCategory created = categories.create(form.definition());
            redirect.addAttribute("saved", "created");
            redirect.addAttribute("code", created.code());
            return "redirect:/pekerja/kategori";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.of(e.problems(), FIELDS.split(",")));
            return form(model, null);
        }
    }

    @GetMapping("/pekerja/kategori/{code}")
    String editForm(@PathVariable String code, Model model) {
        requireAdmin();
        WorkerCategory category = categories.find(code).orElseThrow(() -> WorkerCategories.notFound(code));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", CategoryForm.of(category));
        }
        return form(model, category);
    }

    @PostMapping("/pekerja/kategori/{code}")
    String update(@PathVariable String code, @ModelAttribute CategoryForm form, Model model, RedirectAttributes redirect) {
        requireAdmin();
        try {
            WorkerCategory updated = categories.update(code, form.definition());
            redirect.addAttribute("saved", "updated");
            redirect.addAttribute("code", updated.code());
            return "redirect:/pekerja/kategori";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("errors", FormErrors.of(e.problems(), FIELDS.split(",")));
            return editForm(code, model);
        }
    }

    private String form(Model model, WorkerCategory editing) {
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", FormErrors.none());
        }
        model.addAttribute("editing", editing);
        // the default-wage parameters the regulation data has (a new one can be added there without a rebuild)
        model.addAttribute("wageParameters", regulations.parameters().stream()
                .filter(p -> p.unit() == id.lindung.regulation.Unit.RUPIAH && p.id().startsWith("village.defaultWage."))
                .map(id.lindung.regulation.Parameter::id).sorted().toList());
        return "registry/category-form";
    }

    private boolean isAdmin() {
        return currentActor.get().role() == Role.ADMIN;
    }

    private void requireAdmin() {
        if (!isAdmin()) {
            throw new AccessDeniedException("Only ADMIN may change worker categories");
        }
    }
}
