package id.lindung.region.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.platform.InvalidInputException;
import id.lindung.region.PotentialWorkforce;
import id.lindung.region.RegionBrowser;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.security.access.AccessDeniedException;

@Controller
class RegionPageController {

    private final RegionBrowser browser;
    private final Regions regions;
    private final PotentialWorkforce workforce;
    private final CurrentActor currentActor;
    private final JdbcClient jdbc;

    RegionPageController(RegionBrowser browser, Regions regions, PotentialWorkforce workforce, CurrentActor currentActor,
                         JdbcClient jdbc) {
        this.browser = browser;
        this.regions = regions;
        this.workforce = workforce;
        this.currentActor = currentActor;
        this.jdbc = jdbc;
    }

    @GetMapping("/")
    String home(Model model) {
        RegionScope scope = currentActor.get().scope();
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select level, count(*) from region where active and code >= :lo and code < :hi
                group by level order by min(length(code))""")
                .param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        model.addAttribute("counts", counts);
        model.addAttribute("scopeName", scope.isNational() ? "Indonesia" : regions.get(scope.code(), scope).name());
        model.addAttribute("scopeLink", scope.isNational() ? "/wilayah" : "/wilayah/" + scope.code());
        model.addAttribute("workforce", workforce.figure(scope.isNational() ? RegionScope.NATIONAL_CODE : scope.code(), null).orElse(null));
        return "home";
    }

    @GetMapping("/wilayah")
    String provinces(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer year, Model model) {
        RegionScope scope = currentActor.get().scope();
        model.addAttribute("region", null);
        model.addAttribute("crumbs", java.util.List.of());
        model.addAttribute("children", browser.children(null, scope, year, page, 100));
        model.addAttribute("childLevel", RegionLevel.PROVINCE);
        model.addAttribute("year", year);
        return "region/browse";
    }

    @GetMapping("/wilayah/{code}")
    String region(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(required = false) Integer year, Model model) {
        RegionScope scope = currentActor.get().scope();
        var view = browser.view(code, scope, year);
        model.addAttribute("region", view);
        model.addAttribute("openable", scope.covers(code));
        model.addAttribute("crumbs", regions.ancestors(code, scope));
        model.addAttribute("year", year);
        if (view.level() != RegionLevel.VILLAGE) {
            model.addAttribute("children", browser.children(code, scope, year, page, 100));
            model.addAttribute("childLevel", view.level().child());
        }
        return "region/browse";
    }

    @GetMapping("/wilayah/cari")
    String search(@RequestParam(defaultValue = "") String q, Model model,
                  @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("matches", regions.search(q, currentActor.get().scope(), 20));
        model.addAttribute("q", q);
        // the browse page asks for the list alone; a bookmarked or script-less search gets a whole page
        return htmx != null ? "region/search :: results" : "region/search";
    }

    @GetMapping("/wilayah/tenaga-kerja/impor")
    String importForm(Model model) {
        requireImporter(currentActor.get());
        return "region/workforce-import";
    }

    @PostMapping("/wilayah/tenaga-kerja/impor")
    String importFile(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        Actor actor = currentActor.get();
        requireImporter(actor);
        try (var in = file.getInputStream()) {
            model.addAttribute("result", workforce.importCsv(in, actor, false));
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "region/workforce-import";
    }

    private static void requireImporter(Actor actor) {
        if (!actor.can(id.lindung.access.Role.ADMIN, id.lindung.access.Role.DPMD)) {
            throw new AccessDeniedException("Only ADMIN and DPMD may import potential workforce");
        }
    }
}
