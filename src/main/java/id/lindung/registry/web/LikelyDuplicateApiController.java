package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.platform.Page;
import id.lindung.registry.LikelyDuplicate;
import id.lindung.registry.LikelyDuplicates;
import id.lindung.registry.Worker;
import id.lindung.registry.Workers;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class LikelyDuplicateApiController {

    private final LikelyDuplicates likelyDuplicates;
    private final CurrentActor currentActor;
    private final Workers workers;

    LikelyDuplicateApiController(LikelyDuplicates likelyDuplicates, CurrentActor currentActor, Workers workers) {
        this.likelyDuplicates = likelyDuplicates;
        this.currentActor = currentActor;
        this.workers = workers;
    }

    /**
     * Both workers as the caller may see them (masked NIKs and no birth dates for masked roles), with their open
     * programmes and payers as the worker list gives them.
     */
    record DuplicateJson(long id, double similarity, String status, WorkerApiController.WorkerJson worker,
                         WorkerApiController.WorkerJson other) {}

    /** The duplicates as JSON, the programmes and payers of all their workers read in one query. */
    private List<DuplicateJson> toJson(List<LikelyDuplicate> duplicates, Actor actor) {
        List<Worker> both = new java.util.ArrayList<>();
        duplicates.forEach(d -> {
            both.add(d.worker());
            both.add(d.other());
        });
        List<Workers.Listed> listed = workers.listed(both, actor.scope());
        List<DuplicateJson> json = new java.util.ArrayList<>();
        for (int i = 0; i < duplicates.size(); i++) {
            LikelyDuplicate d = duplicates.get(i);
            json.add(new DuplicateJson(d.id(), d.similarity(), d.status(), WorkerApiController.WorkerJson.of(listed.get(2 * i), actor),
                    WorkerApiController.WorkerJson.of(listed.get(2 * i + 1), actor)));
        }
        return json;
    }

    record DuplicatePageJson(List<DuplicateJson> items, int page, int size, long total) {}

    record ResolveRequest(LikelyDuplicate.Verdict status, String note) {}

    @GetMapping("/villages/{code}/likely-duplicates")
    DuplicatePageJson open(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "50") int size) {
        Actor actor = currentActor.get();
        Page<LikelyDuplicate> result = likelyDuplicates.openIn(code, actor.scope(), page, size);
        return new DuplicatePageJson(toJson(result.items(), actor), result.page(),
                result.size(), result.total());
    }

    @PostMapping("/likely-duplicates/{id}")
    DuplicateJson resolve(@PathVariable long id, @RequestBody ResolveRequest r) {
        return toJson(List.of(likelyDuplicates.resolve(id, r.status(), r.note())), currentActor.get()).get(0);
    }
}
