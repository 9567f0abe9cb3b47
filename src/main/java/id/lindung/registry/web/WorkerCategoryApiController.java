package id.lindung.registry.web;

import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/worker-categories")
@Tag(name = "Kategori pekerja / Worker categories",
        description = "What a worker does in the village, with its defaults: reference data an administrator extends")
class WorkerCategoryApiController {

    private final WorkerCategories categories;

    WorkerCategoryApiController(WorkerCategories categories) {
        this.categories = categories;
    }

    /** A category with every field (elsewhere in the API a category is only its code). */
    record CategoryJson(String code, String nameId, String nameEn, boolean villageApparatus, String defaultSegment,
                        String defaultWageParameter, List<Integer> opensidCodes, boolean active, int sortOrder,
                        boolean verified, String note, String noteId) {
        static CategoryJson of(WorkerCategory c) {
            return new CategoryJson(c.code(), c.nameId(), c.nameEn(), c.villageApparatus(), c.defaultSegment().name(),
                    c.defaultWageParameter(), c.opensidCodes(), c.active(), c.sortOrder(), c.verified(), c.note(), c.noteId());
        }
    }

    @GetMapping
    @Operation(summary = "Every worker category in list order, retired ones (active=false) included unless active=true")
    List<CategoryJson> list(@RequestParam(required = false) Boolean active) {
        return (Boolean.TRUE.equals(active) ? categories.active() : categories.all()).stream().map(CategoryJson::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One worker category by code")
    CategoryJson get(@PathVariable String code) {
        return CategoryJson.of(categories.find(code).orElseThrow(() -> WorkerCategories.notFound(code)));
    }

    @PostMapping
    @Operation(summary = "Add a worker category (ADMIN). Required: code, nameId, nameEn; defaults: villageApparatus false, "
            + "defaultSegment PU for apparatus else BPU, defaultWageParameter village.defaultWage.otherApparatus, active true")
    ResponseEntity<CategoryJson> create(@RequestBody WorkerCategories.Definition body) {
        WorkerCategory created = categories.create(body);
        URI location = UriComponentsBuilder.fromPath("/api/v1/worker-categories/{code}").buildAndExpand(created.code()).encode().toUri();
        return ResponseEntity.created(location).body(CategoryJson.of(created));
    }

    @PutMapping("/{code}")
    @Operation(summary = "Change a worker category (ADMIN): fields left out keep their value; the code never changes "
            + "(retire a category with active=false)")
    CategoryJson update(@PathVariable String code, @RequestBody WorkerCategories.Definition body) {
        return CategoryJson.of(categories.update(code, body));
    }
}
