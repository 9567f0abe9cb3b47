package id.lindung.importing.web;

import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerImports;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.ProblemLanguage;
import id.lindung.registry.PayerKind;
import id.lindung.registry.WorkerCategories;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

@Controller
class ImportPageController {

    private final WorkerImports imports;
    private final WorkerCategories categories;
    private final ProblemLanguage language;

    ImportPageController(WorkerImports imports, WorkerCategories categories, ProblemLanguage language) {
        this.imports = imports;
        this.categories = categories;
        this.language = language;
    }

    /**
     * The batch and why it failed or stopped, in the page's language: the failure is stored as its English sentence,
     * which the page showed to every reader until 7 December 2026; its code (WorkerImports#failure) says it as the API
     * says a problem, with every value of the English sentence (the columns a header lacks, the workbook's format), the
     * English sentence in English or where it has no code.
     */
    private void addBatch(ImportBatch batch, Model model, Locale locale) {
        model.addAttribute("batch", batch);
        WorkerImports.Failure failure = imports.failure(batch);
        model.addAttribute("failure", failure == null ? null : failure.code() == null ? failure.english()
                : language.inLanguage(failure.code(), failure.english(), locale));
    }

    @GetMapping("/impor/pekerja")
    String form(Model model) {
        model.addAttribute("batches", imports.recent(20));
        // the accepted values of the coded columns, from what a row is checked against: the registry's active
        // categories (as the batch's snapshot) and the enums the parser reads
        model.addAttribute("categories", categories.active());
        model.addAttribute("segments", Segment.values());
        model.addAttribute("risks", RiskGroup.values());
        var riskNames = new java.util.EnumMap<RiskGroup, String>(RiskGroup.class);
        for (RiskGroup g : RiskGroup.values()) {
            riskNames.put(g, WorkerImports.indonesianRiskName(g));
        }
        model.addAttribute("riskNames", riskNames);
        model.addAttribute("programmes", Programme.values());
        model.addAttribute("bpuProgrammes", java.util.List.copyOf(Programme.FOR_BPU));
        model.addAttribute("payerKinds", PayerKind.values());
        return "importing/upload";
    }

    @PostMapping("/impor/pekerja")
    String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String villageCode,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
                  @RequestParam(defaultValue = "false") boolean autoConfirm) throws IOException {
        ImportBatch batch = imports.upload(file.getOriginalFilename(), file.getInputStream(),
                new WorkerImports.Options(villageCode == null || villageCode.isBlank() ? null : villageCode.trim(), startDate, autoConfirm));
        return "redirect:/impor/pekerja/" + batch.id();
    }

    @GetMapping("/impor/pekerja/{id}")
    String batch(@PathVariable long id, Model model, Locale locale) {
        addBatch(imports.get(id), model, locale);
        model.addAttribute("rejections", imports.rejections(id, 200));
        model.addAttribute("warnings", imports.warnings(id, 200));
        model.addAttribute("chunksTotal", imports.chunksTotal(id));
        model.addAttribute("resumable", !imports.confirmingNow(id));
        return "importing/batch";
    }

    /** The batch's counters alone, polled by its page (htmx) while the batch is not finished. */
    @GetMapping("/impor/pekerja/{id}/progres")
    String progress(@PathVariable long id, Model model, Locale locale) {
        addBatch(imports.get(id), model, locale);
        model.addAttribute("chunksTotal", imports.chunksTotal(id));
        model.addAttribute("resumable", !imports.confirmingNow(id));
        return "importing/batch :: progress";
    }

    @PostMapping("/impor/pekerja/{id}/konfirmasi")
    String confirm(@PathVariable long id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            // in the background: the batch's page follows it live (issue 11 item 16)
            if (!imports.confirmInBackground(id)) {
                redirect.addFlashAttribute("notice", "import.alreadyConfirmed");
            }
        } catch (InvalidInputException e) {
            if (e.kind() != InvalidInputException.Kind.CONFLICT) {
                throw e;
            }
            // confirmed twice (a second click, or another user): the batch page shows what happened to it;
            // a real failure of the import is not caught here, it is shown as an error and confirming again resumes it
            redirect.addFlashAttribute("notice", "import.alreadyConfirmed");
        }
        return "redirect:/impor/pekerja/" + id;
    }
}
