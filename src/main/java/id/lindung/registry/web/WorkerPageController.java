package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.Page;
import id.lindung.registry.LikelyDuplicate;
import id.lindung.registry.LikelyDuplicates;
import id.lindung.registry.NikPolicy;
import id.lindung.registry.Programme;
import id.lindung.registry.Worker;
import id.lindung.registry.WorkerCategory;
import id.lindung.registry.WorkerStatus;
import id.lindung.registry.Workers;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class WorkerPageController {

    private final Workers workers;
    private final LikelyDuplicates likelyDuplicates;
    private final CurrentActor currentActor;

    WorkerPageController(Workers workers, LikelyDuplicates likelyDuplicates, CurrentActor currentActor) {
        this.workers = workers;
        this.likelyDuplicates = likelyDuplicates;
        this.currentActor = currentActor;
    }

    @GetMapping("/pekerja")
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) WorkerCategory category,
                @RequestParam(required = false) Programme program, @RequestParam(required = false) String payer,
                @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = currentActor.get();
        var query = new Workers.Query(region, category, program, payer, status, q);
        Page<Workers.Listed> result;
        try {
            result = workers.list(query, actor.scope(), page, 50);
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            result = new Page<>(List.of(), 0, 50, 0);
        }
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream().map(l -> WorkerRow.of(l, actor)).toList());
        model.addAttribute("query", query);
        model.addAttribute("regionCode", region == null || region.isBlank() ? actor.scope().code() : region);
        model.addAttribute("regionName", region == null || region.isBlank() ? null : workers.villageName(region));
        model.addAttribute("categories", WorkerCategory.values());
        model.addAttribute("programs", Programme.values());
        return "registry/workers";
    }

    @GetMapping("/desa/{code}/pekerja")
    String village(@PathVariable String code, @RequestParam(required = false) WorkerCategory category,
                   @RequestParam(required = false) Programme program, @RequestParam(required = false) String payer,
                   @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                   @RequestParam(defaultValue = "0") int page, Model model) {
        return list(code, category, program, payer, status, q, page, model);
    }

    /** A likely duplicate on the worker page: the flag, the other worker and the birth date as the role may see it. */
    record DuplicateRow(long flagId, Worker other, String birthDate) {}

    /** Pages link workers by internal id: a NIK never appears in a URL, so masking it on screen means something. */
    @GetMapping("/pekerja/id/{id}")
    String workerById(@PathVariable long id, Model model) {
        return worker(workers.getById(id, currentActor.get().scope()).nik(), model);
    }

    /** The status form of the worker page. */
    @PostMapping("/pekerja/id/{id}/status")
    String changeStatus(@PathVariable long id, @RequestParam(required = false) WorkerStatus status,
                        @RequestParam(required = false) String reason,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveOn,
                        Model model) {
        return onWorkerPage(id, model, nik -> workers.changeStatus(nik, status, reason, effectiveOn));
    }

    /** The two answers to a likely duplicate on the worker page. */
    @PostMapping("/pekerja/id/{id}/kemungkinan-ganda/{flagId}")
    String resolveDuplicate(@PathVariable long id, @PathVariable long flagId,
                            @RequestParam(required = false) LikelyDuplicate.Verdict status,
                            @RequestParam(required = false) String note, Model model) {
        return onWorkerPage(id, model, nik -> likelyDuplicates.resolve(flagId, status, note));
    }

    /** Makes a change from a form of the worker page: back to the page, or the page again with the reasons it was refused. */
    private String onWorkerPage(long id, Model model, Consumer<String> change) {
        String nik = workers.getById(id, currentActor.get().scope()).nik();
        try {
            change.accept(nik);
            return "redirect:/pekerja/id/" + id;
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            return worker(nik, model);
        }
    }

    @GetMapping("/pekerja/{nik:\\d{16}}")
    String worker(@PathVariable String nik, Model model) {
        Actor actor = currentActor.get();
        Worker w = workers.get(nik, actor.scope());
        model.addAttribute("worker", w);
        model.addAttribute("nikShown", NikPolicy.show(actor, w.nik()));
        model.addAttribute("birthDateShown", NikPolicy.showBirthDate(actor, w.birthDate()));
        model.addAttribute("fullNik", NikPolicy.seesFullNik(actor));
        model.addAttribute("villageName", workers.villageName(w.villageCode()));
        model.addAttribute("terms", workers.terms(nik, actor.scope()).stream().map(t -> NikPolicy.show(actor, t)).toList());
        model.addAttribute("history", workers.history(nik, actor.scope()));
        model.addAttribute("duplicates", likelyDuplicates.openOf(nik, actor.scope()).stream()
                .map(d -> new DuplicateRow(d.id(), d.otherThan(w.id()), NikPolicy.showBirthDate(actor, d.otherThan(w.id()).birthDate())))
                .toList());
        model.addAttribute("verdicts", LikelyDuplicate.Verdict.values());
        model.addAttribute("statuses", WorkerStatus.values());
        return "registry/worker";
    }

    /** An export refused before its first byte (a search a masked role may not make) answers 400 with the reason. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<String> refused(InvalidInputException e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @GetMapping({"/pekerja/ekspor.csv", "/api/v1/workers/export.csv"})
    void exportCsv(@RequestParam(required = false) String region, @RequestParam(required = false) WorkerCategory category,
                   @RequestParam(required = false) Programme program, @RequestParam(required = false) String payer,
                   @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                   HttpServletResponse response) throws IOException {
        Actor actor = currentActor.get();
        var query = new Workers.Query(region, category, program, payer, status, q);
        workers.list(query, actor.scope(), 0, 1); // 404 before any byte is written when the region is out of scope
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"pekerja.csv\"");
        WorkerExport.csv(workers, query, actor.scope(), actor, response.getOutputStream());
    }

    @GetMapping({"/pekerja/ekspor.xlsx", "/api/v1/workers/export.xlsx"})
    void exportXlsx(@RequestParam(required = false) String region, @RequestParam(required = false) WorkerCategory category,
                    @RequestParam(required = false) Programme program, @RequestParam(required = false) String payer,
                    @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                    HttpServletResponse response) throws IOException {
        Actor actor = currentActor.get();
        var query = new Workers.Query(region, category, program, payer, status, q);
        workers.list(query, actor.scope(), 0, 1);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"pekerja.xlsx\"");
        WorkerExport.xlsx(workers, query, actor.scope(), actor, response.getOutputStream());
    }
}
