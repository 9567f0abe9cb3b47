package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.platform.Page;
import id.lindung.registry.LikelyDuplicate;
import id.lindung.registry.LikelyDuplicates;
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

    LikelyDuplicateApiController(LikelyDuplicates likelyDuplicates, CurrentActor currentActor) {
        this.likelyDuplicates = likelyDuplicates;
        this.currentActor = currentActor;
    }

    /** Both workers as the caller may see them: masked NIKs and no birth dates for masked roles. */
    record DuplicateJson(long id, double similarity, String status, WorkerApiController.WorkerJson worker,
                         WorkerApiController.WorkerJson other) {
        static DuplicateJson of(LikelyDuplicate d, Actor actor) {
            return new DuplicateJson(d.id(), d.similarity(), d.status(), WorkerApiController.WorkerJson.of(d.worker(), null, null, actor),
                    WorkerApiController.WorkerJson.of(d.other(), null, null, actor));
        }
    }

    record DuplicatePageJson(List<DuplicateJson> items, int page, int size, long total) {}

    record ResolveRequest(LikelyDuplicate.Verdict status, String note) {}

    @GetMapping("/villages/{code}/likely-duplicates")
    DuplicatePageJson open(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "50") int size) {
        Actor actor = currentActor.get();
        Page<LikelyDuplicate> result = likelyDuplicates.openIn(code, actor.scope(), page, size);
        return new DuplicatePageJson(result.items().stream().map(d -> DuplicateJson.of(d, actor)).toList(), result.page(),
                result.size(), result.total());
    }

    @PostMapping("/likely-duplicates/{id}")
    DuplicateJson resolve(@PathVariable long id, @RequestBody ResolveRequest r) {
        return DuplicateJson.of(likelyDuplicates.resolve(id, r.status(), r.note()), currentActor.get());
    }
}
