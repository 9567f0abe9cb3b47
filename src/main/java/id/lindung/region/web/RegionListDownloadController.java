package id.lindung.region.web;

import id.lindung.access.RegionScope;
import id.lindung.access.CurrentActor;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.Page;
import id.lindung.platform.TableDownload;
import id.lindung.region.RegionBrowser;
import id.lindung.region.RegionView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The table of /wilayah and /wilayah/{code} as CSV or XLSX: every region directly below (not only the page shown), with
 * its child count and potential workforce exactly as the page shows them (no figure for a region outside the caller's
 * scope). Regions and their figures name no person, so the download is not an audited disclosure.
 */
@Controller
class RegionListDownloadController {

    static final List<String> COLUMNS = List.of("region.code", "region.name", "region.kind", "region.children",
            "region.workforce", "region.col.workforceYear", "region.col.workforceSource", "region.col.workforceDemo");

    /** The most regions read at once (Regions' own limit); a district's villages fit in one or two reads. */
    private static final int READ = 500;

    private final RegionBrowser browser;
    private final CurrentActor currentActor;
    private final MessageSource messages;

    RegionListDownloadController(RegionBrowser browser, CurrentActor currentActor, MessageSource messages) {
        this.browser = browser;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    @GetMapping("/wilayah/ekspor")
    ResponseEntity<byte[]> provinces(@RequestParam(required = false) Integer year, @RequestParam(required = false) String format,
                                     @RequestParam(required = false) String delimiter) {
        return download(null, year, format, delimiter);
    }

    @GetMapping("/wilayah/{code}/ekspor")
    ResponseEntity<byte[]> children(@PathVariable String code, @RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) String format, @RequestParam(required = false) String delimiter) {
        return download(code, year, format, delimiter);
    }

    private ResponseEntity<byte[]> download(String code, Integer year, String format, String delimiter) {
        String f = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        RegionScope scope = currentActor.get().scope();
        List<RegionView> regions = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<RegionView> found = browser.children(code, scope, year, page, READ);
            regions.addAll(found.items());
            if (!found.hasNext()) {
                break;
            }
        }
        Function<String, String> label = TableDownload.labels(messages);
        String name = "wilayah-" + (code == null ? RegionScope.NATIONAL_CODE : code);
        return TableDownload.of(f, dialect, name, List.of(table(regions, label)), label);
    }

    /** One row per region; a village's kind (desa, kelurahan) by its name, counts and figures as numbers. */
    static TableDownload.Table table(List<RegionView> regions, Function<String, String> label) {
        List<List<Object>> rows = new ArrayList<>(regions.size());
        for (RegionView r : regions) {
            rows.add(Arrays.asList(r.code(), r.name(), r.kind() == null ? null : label.apply("kind." + r.kind()),
                    (long) r.childCount(), r.potentialWorkforce(), r.workforceYear() == null ? null : (long) r.workforceYear(),
                    r.workforceSource(), r.workforceDemo() == null ? null : label.apply(r.workforceDemo() ? "yes" : "no")));
        }
        return new TableDownload.Table("wilayah", COLUMNS, rows);
    }
}
