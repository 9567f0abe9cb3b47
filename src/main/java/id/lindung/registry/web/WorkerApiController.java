package id.lindung.registry.web;

import com.fasterxml.jackson.annotation.JsonAlias;
import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.platform.ApiProblems;
import id.lindung.platform.InputProblem;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.Page;
import id.lindung.registry.DuplicateNikException;
import id.lindung.registry.EndReason;
import id.lindung.registry.LikelyDuplicates;
import id.lindung.registry.MembershipTerm;
import id.lindung.registry.NikJson;
import id.lindung.registry.NikChecker;
import id.lindung.access.PersonalData;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.registry.Worker;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.WorkerCategory;
import id.lindung.registry.WorkerStatus;
import id.lindung.registry.Workers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import id.lindung.registry.WorkerVersion;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class WorkerApiController {

    private final Workers workers;
    private final LikelyDuplicates likelyDuplicates;
    private final NikChecker nikChecker;
    private final CurrentActor currentActor;

    private final WorkerCategories categories;
    private final id.lindung.platform.ProblemLanguage language;

    WorkerApiController(Workers workers, LikelyDuplicates likelyDuplicates, NikChecker nikChecker, CurrentActor currentActor,
                        WorkerCategories categories, id.lindung.platform.ProblemLanguage language) {
        this.categories = categories;
        this.language = language;
        this.workers = workers;
        this.likelyDuplicates = likelyDuplicates;
        this.nikChecker = nikChecker;
        this.currentActor = currentActor;
    }

    /** @param id the worker's opaque public id: {@code GET /api/v1/workers/by-id/{id}} (the only way for masked roles) */
    record WorkerJson(String nik, String name, String sex, LocalDate birthDate, String villageCode, String phone, String kpj,
                      WorkerCategory category, boolean extremePoverty, Integer povertyDecile, String status,
                      String programs, String payers, UUID id) {
        static WorkerJson of(Worker w, String programs, String payers, Actor actor) {
            // with the masked NIK, sex and birth date would give the hidden digits back: masked roles get neither date
            return new WorkerJson(PersonalData.nik(actor, w.nik()), w.fullName(), w.sex(),
                    PersonalData.birthDateValue(actor, w.birthDate()), w.villageCode(),
                    PersonalData.contact(actor, w.phone()), w.kpj(), w.category(), w.extremePoverty(),
                    w.povertyDecile(), w.status(), programs, PersonalData.payerCodes(actor, payers), w.publicId());
        }

        /**
         * The worker as the list shows it, open programmes and payers included: every answer that gives a worker (the
         * list, the record, a registration, a transfer, a status change, a likely duplicate) gives them alike.
         */
        static WorkerJson of(Workers.Listed listed, Actor actor) {
            return of(listed.worker(), listed.programs(), listed.payers(), actor);
        }
    }

    /** A registered worker with what it was registered with but looks wrong ({@code warnings}, as the quotes give them). */
    record RegisteredJson(@com.fasterxml.jackson.annotation.JsonUnwrapped WorkerJson worker, List<InputProblem> warnings)
            implements id.lindung.platform.Warned<RegisteredJson> {

        @Override
        public RegisteredJson withWarnings(List<InputProblem> warnings) {
            return new RegisteredJson(worker, warnings);
        }
    }

    record WorkerPageJson(List<WorkerJson> items, int page, int size, long total) {}

    /**
     * A registration. Besides its own names it takes the worker file's column names (issue 4's header: {@code birth_date},
     * {@code village_code}, {@code risk}, {@code start_date}, {@code p3ke_decile}), so a client that sends a row as
     * JSON under the file's names is understood, not refused as unknown fields (docs/api-errors.md, "Unknown fields").
     */
    record RegisterRequest(String nik, String name, String sex, @JsonAlias("birth_date") LocalDate birthDate,
                           @JsonAlias("village_code") String villageCode, String phone, String kpj,
                           String category, @JsonAlias("extreme_poverty") Boolean extremePoverty,
                           @JsonAlias({"poverty_decile", "p3ke_decile"}) Integer povertyDecile, List<Programme> programs,
                           Segment segment, BigDecimal wage, @JsonAlias("risk") RiskGroup riskGroup, String payer,
                           @JsonAlias("start_date") LocalDate startDate) {}

    /** A membership change; {@code risk} as the quote and the worker file name the risk group. */
    record TermRequest(Programme program, Segment segment, BigDecimal wage, @JsonAlias("risk") RiskGroup riskGroup, String payer,
                       @JsonAlias("valid_from") LocalDate validFrom) {}

    record EndRequest(LocalDate endDate, EndReason reason) {}

    /** @param payer who pays in the new village the shares whose payer may not pay there (see {@link Workers#transfer}) */
    record TransferRequest(String villageCode, LocalDate effectiveOn, String payer) {}

    record StatusRequest(WorkerStatus status, String reason, LocalDate effectiveOn) {}

    @GetMapping("/workers")
    WorkerPageJson list(@RequestParam(required = false) String region, @RequestParam(required = false) String category,
                        @RequestParam(required = false) Programme program, @RequestParam(required = false) String payer,
                        @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Actor actor = currentActor.get();
        return toJson(workers.list(new Workers.Query(region, categories.parse("category", category), program, payer, status, q), actor.scope(), page, size), actor);
    }

    @GetMapping("/villages/{code}/workers")
    WorkerPageJson village(@PathVariable String code, @RequestParam(required = false) String category,
                           @RequestParam(required = false) Programme program, @RequestParam(required = false) String payer,
                           @RequestParam(required = false) String status, @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        try {
            RegionScope.of(code);
        } catch (IllegalArgumentException e) {
            // an address naming no village is not found, as /regions/{code} answers it; the list's ?region= is a filter (400)
            throw new NotFoundException("Village '" + InputProblem.shown(code) + "' not found");
        }
        return list(code, category, program, payer, status, q, page, size);
    }

    @PostMapping("/workers")
    ResponseEntity<RegisteredJson> register(@RequestBody RegisterRequest r) {
        // a code that is no category is refused like any value outside its list (400 INVALID_VALUE), before the rules
        WorkerCategory category = categories.parse("category", r.category());
        Workers.Registration registration = new Workers.Registration(r.nik(), r.name(), r.sex(), r.birthDate(), r.villageCode(),
                r.phone(), r.kpj(), category, Boolean.TRUE.equals(r.extremePoverty()), r.povertyDecile(), r.programs(), r.segment(), r.wage(),
                r.riskGroup(), r.payer(), r.startDate());
        Worker w = workers.register(registration);
        return ResponseEntity.status(HttpStatus.CREATED).body(new RegisteredJson(WorkerJson.of(workers.listed(w), currentActor.get()),
                workers.warnings(registration)));
    }

    /**
     * A worker by NIK, for the roles that see NIKs; for MONITOR and AUDITOR every NIK answers 404 as one that does not
     * exist (they use {@link #getByPublicId}). Misses are counted per user: 429 past the limit (docs/privacy.md).
     */
    @GetMapping("/workers/{nik}")
    ResponseEntity<Map<String, Object>> get(@PathVariable String nik) {
        Actor actor = currentActor.get();
        return detail(workers.get(nik, actor.scope()), actor);
    }

    /** A worker by its opaque public id (the {@code id} of every worker in a list), for every role in scope. */
    @GetMapping("/workers/by-id/{id}")
    ResponseEntity<Map<String, Object>> getByPublicId(@PathVariable UUID id) {
        Actor actor = currentActor.get();
        return detail(workers.getByPublicId(id, actor.scope()), actor);
    }

    /** The worker's record with its version, also as the {@code ETag} an edit sends back in {@code If-Match}. */
    private ResponseEntity<Map<String, Object>> detail(Worker w, Actor actor) {
        long version = workers.version(w.nik(), actor.scope());
        Map<String, Object> body = new LinkedHashMap<>();
        // programs and payers as the list gives them for this worker (same SQL, same masking)
        body.put("worker", WorkerJson.of(workers.listed(w), actor));
        body.put("memberships", workers.terms(w, actor.scope()).stream().map(t -> t.shownTo(actor)).toList());
        body.put("statusHistory", workers.history(w).stream().map(e -> e.shownTo(actor)).toList());
        // their programmes and payers in one query for them all, not one per duplicate
        body.put("likelyDuplicates", workers.listed(likelyDuplicates.openOf(w, actor.scope()).stream()
                .map(d -> d.otherThan(w.id())).toList(), actor.scope()).stream().map(l -> WorkerJson.of(l, actor)).toList());
        // protection follows from bills and payments: GET /api/v1/workers/by-id/{id}/protection (billing) answers it
        body.put("version", version);
        return ResponseEntity.ok().eTag(WorkerVersion.etag(version)).body(body);
    }

    @PostMapping("/workers/{nik}/memberships")
    MembershipTerm changeTerms(@PathVariable String nik, @RequestBody TermRequest r,
                               @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return WorkerVersion.expecting(WorkerVersion.ofIfMatch(ifMatch), () -> workers.changeTerms(nik, new Workers.TermChange(r.program(), r.segment(), r.wage(), r.riskGroup(), r.payer(), r.validFrom())));
    }

    @PostMapping("/workers/{nik}/memberships/{program}/end")
    MembershipTerm end(@PathVariable String nik, @PathVariable Programme program, @RequestBody EndRequest r,
                       @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return WorkerVersion.expecting(WorkerVersion.ofIfMatch(ifMatch), () -> workers.endTerm(nik, program, r.endDate(), r.reason()));
    }

    @PostMapping("/workers/{nik}/transfer")
    WorkerJson transfer(@PathVariable String nik, @RequestBody TransferRequest r,
                        @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Worker moved = WorkerVersion.expecting(WorkerVersion.ofIfMatch(ifMatch),
                () -> workers.transfer(nik, r.villageCode(), r.effectiveOn(), r.payer()));
        return WorkerJson.of(workers.listed(moved), currentActor.get());
    }

    @PostMapping("/workers/{nik}/status")
    WorkerJson changeStatus(@PathVariable String nik, @RequestBody StatusRequest r,
                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Worker changed = WorkerVersion.expecting(WorkerVersion.ofIfMatch(ifMatch),
                () -> workers.changeStatus(nik, r.status(), r.reason(), r.effectiveOn()));
        return WorkerJson.of(workers.listed(changed), currentActor.get());
    }

    /** Its errors in the reader's language, Indonesian by default (as every problem's); in English as {@code nik check} prints them. */
    @GetMapping("/nik/{nik}")
    NikJson checkNik(@PathVariable String nik, java.util.Locale locale) {
        return NikJson.of(nikChecker.check(nik)).worded((code, english) -> language.inLanguage(code, english, locale));
    }

    /** 409 with where the worker is (when the caller may see it) and how to ask for the transfer instead. */
    @ExceptionHandler(DuplicateNikException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateNikException e) {
        ProblemDetail body = ApiProblems.of(HttpStatus.CONFLICT, "NIK_ALREADY_REGISTERED", e.getMessage());
        body.setProperty("where", e.where());
        body.setProperty("transfer", Map.of("method", "POST", "href", "/api/v1/workers/" + e.nik() + "/transfer",
                "body", "{\"villageCode\": \"<your village>\"}"));
        return ApiProblems.response(body);
    }

    private static WorkerPageJson toJson(Page<Workers.Listed> page, Actor actor) {
        return new WorkerPageJson(page.items().stream().map(l -> WorkerJson.of(l, actor)).toList(),
                page.page(), page.size(), page.total());
    }
}
