package id.lindung.coverage.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.coverage.LocalRegulations;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.TableDownload;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The register of regional regulations as a download (CSV or XLSX), the same rows as the page shows for the same region
 * and date, in the page's language.
 */
@Controller
class LocalRegulationDownloadController {

    private final LocalRegulations regulations;
    private final CurrentActor currentActor;
    private final MessageSource messages;

    LocalRegulationDownloadController(LocalRegulations regulations, CurrentActor currentActor, MessageSource messages) {
        this.regulations = regulations;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    @GetMapping("/cakupan/regulasi/ekspor")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String region, @RequestParam(required = false) LocalDate inForceOn,
                                    @RequestParam(defaultValue = "csv") String format,
                                    @RequestParam(required = false) String delimiter) {
        format = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        Actor actor = currentActor.get();
        String code = region == null || region.isBlank() ? actor.scope().code() : region.strip();
        Function<String, String> label = TableDownload.labels(messages);
        TableDownload.Table table = DashboardTables.regulations(regulations.list(region, inForceOn, actor.scope()), label);
        return TableDownload.of(format, dialect, "regulasi-" + code + (inForceOn == null ? "" : "-" + inForceOn), List.of(table), label);
    }
}
