package id.lindung.coverage.web;

import id.lindung.access.CurrentActor;
import id.lindung.coverage.LocalRegulation;
import id.lindung.coverage.LocalRegulationFile;
import id.lindung.coverage.LocalRegulations;
import id.lindung.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The register of regional regulations and agreements over the API: list in scope, one entry, its PDF, a new entry. */
@RestController
@RequestMapping("/api/v1/local-regulations")
@Tag(name = "Regulasi daerah / Local regulations", description = "Perbup, Pergub, Perwali, Perdes, circulars and MoUs that support coverage")
class LocalRegulationController {

    private final LocalRegulations regulations;
    private final CurrentActor currentActor;

    LocalRegulationController(LocalRegulations regulations, CurrentActor currentActor) {
        this.regulations = regulations;
        this.currentActor = currentActor;
    }

    record ListJson(String region, LocalDate inForceOn, List<LocalRegulation> items) {}

    record CreateRequest(String kind, String number, String title, String regionCode, String signedOn, String inForceFrom,
                         String inForceUntil, Boolean coversApparatus, Boolean coversVulnerable, List<String> programs,
                         List<String> budgets, String counterparty, String note) {
        LocalRegulations.NewLocalRegulation toNew() {
            return new LocalRegulations.NewLocalRegulation(kind, number, title, regionCode, signedOn, inForceFrom, inForceUntil,
                    Boolean.TRUE.equals(coversApparatus), Boolean.TRUE.equals(coversVulnerable), programs, budgets,
                    counterparty, note);
        }
    }

    @GetMapping
    @Operation(summary = "Regulations concerning a region of your scope (default: your scope): issued in it or below it, "
            + "and by its higher governments; inForceOn=YYYY-MM-DD keeps those in force that day")
    ListJson list(@RequestParam(required = false) String region, @RequestParam(required = false) String inForceOn) {
        return list(region, id.lindung.coverage.CoverageDates.parse("inForceOn", inForceOn));
    }

    private ListJson list(String region, LocalDate inForceOn) {
        var scope = currentActor.get().scope();
        List<LocalRegulation> items = regulations.list(region, inForceOn, scope);
        // the code as the coverage endpoints echo it ("id" is the nation, ID)
        return new ListJson(region == null || region.isBlank() ? scope.code() : id.lindung.access.RegionScope.of(region.strip()).code(),
                inForceOn, items);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One regulation (its file's name, SHA-256 and size; the bytes at /file)")
    LocalRegulation get(@PathVariable long id) {
        return regulations.get(id, currentActor.get().scope());
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "The signed PDF of a regulation, with its SHA-256 in the ETag")
    ResponseEntity<byte[]> file(@PathVariable long id) {
        var document = regulations.document(id, currentActor.get().scope())
                .orElseThrow(() -> new NotFoundException("Regulation " + id + " has no file"));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .eTag("\"" + document.sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(LocalRegulationFile.servedName(document.name()), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Enter a regulation (DPMD, BPJS officers; region in scope) as form fields with its PDF in the part 'file' "
            + "(checked by its content, at most 10 MB); programs and budgets may repeat")
    ResponseEntity<LocalRegulation> createWithFile(@RequestParam(required = false) String kind,
                                                   @RequestParam(required = false) String number,
                                                   @RequestParam(required = false) String title,
                                                   @RequestParam(required = false) String regionCode,
                                                   @RequestParam(required = false) String signedOn,
                                                   @RequestParam(required = false) String inForceFrom,
                                                   @RequestParam(required = false) String inForceUntil,
                                                   @RequestParam(defaultValue = "false") boolean coversApparatus,
                                                   @RequestParam(defaultValue = "false") boolean coversVulnerable,
                                                   @RequestParam(required = false) List<String> programs,
                                                   @RequestParam(required = false) List<String> budgets,
                                                   @RequestParam(required = false) String counterparty,
                                                   @RequestParam(required = false) String note,
                                                   @RequestParam(required = false) MultipartFile file) {
        var created = regulations.register(new LocalRegulations.NewLocalRegulation(kind, number, title, regionCode, signedOn,
                inForceFrom, inForceUntil, coversApparatus, coversVulnerable, programs, budgets, counterparty, note),
                LocalRegulationPageController.fileOf(file));
        return ResponseEntity.created(URI.create("/api/v1/local-regulations/" + created.id())).body(created);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enter a regulation without its file (JSON)")
    ResponseEntity<LocalRegulation> create(@RequestBody(required = false) CreateRequest r) {
        if (r == null) {
            throw new id.lindung.platform.InvalidInputException("body", "REQUIRED", "a JSON object is required");
        }
        var created = regulations.register(r.toNew(), null);
        return ResponseEntity.created(URI.create("/api/v1/local-regulations/" + created.id())).body(created);
    }
}
