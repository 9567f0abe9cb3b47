package id.lindung.region.web;

import id.lindung.access.CurrentActor;
import id.lindung.platform.Page;
import id.lindung.region.PotentialWorkforce;
import id.lindung.region.RegionBrowser;
import id.lindung.region.RegionMatch;
import id.lindung.region.RegionView;
import id.lindung.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Wilayah / Regions", description = "Official hierarchy and potential workforce")
class RegionApiController {

    private final RegionBrowser browser;
    private final Regions regions;
    private final PotentialWorkforce workforce;
    private final CurrentActor actor;

    RegionApiController(RegionBrowser browser, Regions regions, PotentialWorkforce workforce, CurrentActor actor) {
        this.browser = browser;
        this.regions = regions;
        this.workforce = workforce;
        this.actor = actor;
    }

    @Operation(summary = "One region with its child count and potential workforce (404 outside your scope)")
    @GetMapping("/regions/{code}")
    RegionView region(@PathVariable String code, @RequestParam(required = false) Integer year) {
        return browser.view(code, actor.get().scope(), year);
    }

    @Operation(summary = "Children of a region, paged")
    @GetMapping("/regions/{code}/children")
    Page<RegionView> children(@PathVariable String code, @RequestParam(required = false) Integer year,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return browser.children(code, actor.get().scope(), year, page, size);
    }

    @Operation(summary = "Breadcrumb: the regions above it and the region, each with its child count (figures only inside your scope)")
    @GetMapping("/regions/{code}/ancestors")
    List<RegionView> ancestors(@PathVariable String code, @RequestParam(required = false) Integer year) {
        return browser.ancestors(code, actor.get().scope(), year);
    }

    @Operation(summary = "Search regions by name within your scope; without q, the provinces")
    @GetMapping("/regions")
    Object search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        if (q == null || q.isBlank()) {
            return browser.children(null, actor.get().scope(), null, page, size);
        }
        return regions.search(q, actor.get().scope(), limit).stream().map(SearchHit::of).toList();
    }

    record SearchHit(String code, String name, String level, String kind, String parent, String path) {
        static SearchHit of(RegionMatch m) {
            var r = m.region();
            return new SearchHit(r.code(), r.name(), r.level().name(), r.kind() == null ? null : r.kind().name(),
                    r.parentCode(), m.path());
        }
    }

    @Operation(summary = "Import potential workforce CSV: region_code,year,potential_workers,source (all rows or none)")
    @PostMapping(path = "/workforce/imports", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    PotentialWorkforce.ImportResult importWorkforce(jakarta.servlet.http.HttpServletRequest request) throws IOException {
        // read as it arrives, never copied whole into memory (issue 12 item 9)
        return workforce.importCsv(request.getInputStream(), actor.get(), false);
    }

    @Operation(summary = "Import potential workforce CSV as a multipart upload (field 'file')")
    @PostMapping(path = "/workforce/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PotentialWorkforce.ImportResult importWorkforceUpload(@RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws IOException {
        try (var in = file.getInputStream()) {
            return workforce.importCsv(in, actor.get(), false);
        }
    }
}
