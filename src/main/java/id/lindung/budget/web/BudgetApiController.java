package id.lindung.budget.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.CategoryRanks;
import id.lindung.budget.NamedLists;
import id.lindung.budget.PlanDocuments;
import id.lindung.budget.PlanEdits;
import id.lindung.budget.PlanOverviews;
import id.lindung.budget.PlanRequest;
import id.lindung.budget.WhatIf;
import id.lindung.budget.Prioritisation;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Anggaran / Budget", description = "Contribution budget plans per payer and year, prioritisation under a fixed budget")
class BudgetApiController {

    private final BudgetPlans plans;
    private final Prioritisation prioritisation;
    private final PlanOverviews overviews;
    private final PlanDocuments documents;
    private final WhatIf whatIf;
    private final NamedLists namedLists;
    private final CategoryRanks ranks;
    private final PlanEdits edits;
    private final CurrentActor actor;

    BudgetApiController(BudgetPlans plans, PlanEdits edits, Prioritisation prioritisation, PlanOverviews overviews,
                        PlanDocuments documents, WhatIf whatIf, NamedLists namedLists, CategoryRanks ranks, CurrentActor actor) {
        this.plans = plans;
        this.edits = edits;
        this.namedLists = namedLists;
        this.ranks = ranks;
        this.prioritisation = prioritisation;
        this.overviews = overviews;
        this.documents = documents;
        this.whatIf = whatIf;
        this.actor = actor;
    }

    @Operation(summary = "Create a budget plan (roles that change data): the payer's memberships on the reference date plus "
            + "planned cohorts, projected month by month with the regulation in force; parameters not yet published are "
            + "projected and named in 'projected'. Bad input: 400/422 with a code per problem, nothing stored")
    @PostMapping("/budget-plans")
    ResponseEntity<Map<String, Object>> create(@RequestBody PlanRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(plans.create(request, actor.get()));
    }

    @Operation(summary = "Budget plans in your scope, by payer code and/or year (a payer outside your scope or unknown: 404): the "
            + "newest 1000, the total count in the X-Total-Count header (every plan: /anggaran/ekspor?year=&format=csv|xlsx)")
    @GetMapping("/budget-plans")
    ResponseEntity<List<BudgetPlans.Summary>> list(@RequestParam(required = false) String payer, @RequestParam(required = false) String year) {
        Integer y = parseYear(year);
        plans.requirePayerInScope(payer, actor.get());
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(plans.count(payer, y, actor.get())))
                .body(plans.list(payer, y, actor.get()));
    }

    @Operation(summary = "One budget plan, as created")
    @GetMapping("/budget-plans/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return plans.get(id, actor.get());
    }

    /**
     * A draft's new input: the fields of a new plan, and what becomes of its named list (KEEP, the default, or REMOVE).
     * The plan as GET answers it may be sent back with its input changed: its computed and read-only fields are ignored
     * (any other unknown field is 400 UNKNOWN_FIELD), and its {@code namedList}, the list's description, keeps the list.
     */
    @JsonIgnoreProperties({"id", "payerName", "payerKind", "regionCode", "status", "startMonth", "months", "byProgram",
            "budgetLines", "payerShare", "workerShare", "total", "people", "registeredPeople", "plannedPeople", "listPeople",
            "officials", "officialsByCategory", "projected", "projectedValues", "unverified", "unverifiedSource", "assumptions",
            "regulationVersion"})
    record EditRequest(String payer, Integer year, String referenceDate, List<PlanRequest.CohortInput> cohorts, String name,
                       @Schema(type = "string", allowableValues = {"KEEP", "REMOVE"},
                               description = "KEEP (the default) or REMOVE; the plan's own namedList object, sent back, keeps it")
                       Object namedList) {
        PlanRequest plan() {
            return new PlanRequest(payer, year, referenceDate, cohorts, name);
        }

        /** KEEP or REMOVE as sent; the list's description (an object, as the plan shows it) keeps the list. */
        PlanEdits.ListChoice listChoice() {
            return PlanEdits.ListChoice.of(namedList instanceof Map<?, ?> ? null
                    : namedList == null || namedList instanceof String ? (String) namedList : String.valueOf(namedList));
        }
    }

    @Operation(summary = "Edit a DRAFT plan (roles that change data): the same fields as a new plan, costed with the plan's "
            + "named list, which stays unless namedList is REMOVE. A list that does not fit a new payer or year: 422 "
            + "NAMED_LIST_DOES_NOT_FIT with each row's line and code; a FINAL plan: 409 PLAN_FINAL; nothing changed on a refusal")
    @PutMapping("/budget-plans/{id}")
    Map<String, Object> update(@PathVariable long id, @RequestBody EditRequest request) {
        return edits.update(id, request.plan(), request.listChoice(), actor.get());
    }

    @Operation(summary = "Mark a plan FINAL (roles that change data): the figures it holds are the approved budget")
    @PostMapping("/budget-plans/{id}/final")
    Map<String, Object> finalise(@PathVariable long id) {
        return plans.finalise(id, actor.get());
    }

    @Operation(summary = "Upload the plan's named list (roles that change data; a DRAFT plan): a CSV or XLSX in the worker "
            + "import format, checked by the import's rules; nobody is registered. Each person is costed at their own wage, "
            + "segment and programmes and the plan is costed again; the answer is the plan. A file with any bad row: 422 with "
            + "every problem's line, field and code, nothing stored. A FINAL plan: 409 PLAN_FINAL")
    @PostMapping(value = "/budget-plans/{id}/named-list", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Map<String, Object> uploadNamedList(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return namedLists.upload(id, file.getOriginalFilename(), file.getInputStream(), actor.get());
    }

    @Operation(summary = "The plan's named list: file, uploader and its people in file order (NIKs masked for read-only roles)")
    @GetMapping("/budget-plans/{id}/named-list")
    Map<String, Object> namedList(@PathVariable long id) {
        return namedLists.show(id, actor.get());
    }

    @Operation(summary = "Remove the plan's named list (roles that change data; a DRAFT plan) and cost the plan again without it")
    @DeleteMapping("/budget-plans/{id}/named-list")
    Map<String, Object> removeNamedList(@PathVariable long id) {
        return namedLists.remove(id, actor.get());
    }

    /**
     * A payer's category ranking as sent: {"categoryRank":["NELAYAN","PETANI",...]}; the ranking's read-only fields
     * (as GET answers them) are ignored, so the ranking read can be sent back with a new order.
     */
    @JsonIgnoreProperties({"payer", "setByPayer", "source"})
    record RankRequest(List<String> categoryRank) {}

    @Operation(summary = "The order of worker categories the payer set for its prioritisations (the default ordering's "
            + "second key); without one, the registry's category order (source DEFAULT)")
    @GetMapping("/budget-payers/{payer}/category-rank")
    Map<String, Object> categoryRank(@PathVariable String payer) {
        return CategoryRanks.view(ranks.get(payer, actor.get()));
    }

    @Operation(summary = "Set the payer's category ranking (roles that change data), audited; categories not listed come after, "
            + "in the registry's order; an empty list returns to the registry's order. Unknown or repeated category: 422 "
            + "UNKNOWN_CATEGORY / DUPLICATE_CATEGORY, nothing stored")
    @PutMapping("/budget-payers/{payer}/category-rank")
    Map<String, Object> setCategoryRank(@PathVariable String payer, @RequestBody RankRequest request) {
        return CategoryRanks.view(ranks.set(payer, request.categoryRank(), actor.get()));
    }

    @Operation(summary = "Whom a fixed budget covers for the plan's year: candidates (UNPROTECTED_IN_AREA: registered workers of the "
            + "payer's area without a membership on the plan's start month; IMPORTED_LIST: the plan's named list) ranked by "
            + "'order' (default P3KE_DECILE, CATEGORY with the payer's category rank, OLDEST; ties by NIK) and covered strictly in rank order within the budget. Read-only roles see NIKs masked and nothing is kept; "
            + "for the other roles the result is kept for enrolment. A budget of zero: 422 BUDGET_NOT_POSITIVE")
    @PostMapping("/budget-plans/{id}/prioritise")
    Map<String, Object> prioritise(@PathVariable long id, @RequestBody Prioritisation.Request request) {
        return prioritisation.prioritise(id, request, actor.get());
    }

    @Operation(summary = "Enrol the chosen of the plan's last prioritisation (roles that change data): BPU memberships with "
            + "the plan's payer from its start month; enrolling again creates nothing new")
    @PostMapping("/budget-plans/{id}/enrol")
    Map<String, Object> enrol(@PathVariable long id) {
        return prioritisation.enrol(id, actor.get());
    }

    @Operation(summary = "A plan as PDF, in the language of the request; months using projected values are marked")
    @GetMapping(value = "/budget-plans/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Map<String, Object> plan = plans.get(id, actor.get());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=rencana-anggaran-" + id + ".pdf")
                .contentType(MediaType.APPLICATION_PDF).body(documents.pdf(plan, LocaleContextHolder.getLocale()));
    }

    @Operation(summary = "A plan as XLSX, amounts as numbers")
    @GetMapping("/budget-plans/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        Map<String, Object> plan = plans.get(id, actor.get());
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=rencana-anggaran-" + id + ".xlsx")
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(documents.xlsx(plan, LocaleContextHolder.getLocale()));
    }

    @Operation(summary = "Scenarios side by side: two or more plans of one payer and year (ids=1,2)")
    @GetMapping("/budget-plans/compare")
    Map<String, Object> compare(@RequestParam(required = false) String ids) {
        List<Long> list = new java.util.ArrayList<>();
        for (String part : (ids == null ? "" : ids).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                list.add(Long.valueOf(part.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("ids", "INVALID_ID", "ids are plan numbers separated by commas, got '" + InputProblem.shown(ids) + "'");
            }
        }
        return overviews.compare(list, actor.get());
    }

    @Operation(summary = "A regency's (or any area's) villages' plans for a year summed, and the desa without a FINAL plan "
            + "covering kepala desa and perangkat desa")
    @GetMapping("/budget-plans/regions/{code}")
    Map<String, Object> region(@PathVariable String code, @RequestParam(required = false) String year) {
        Integer y = parseYear(year);
        return overviews.regency(code, y == null ? plans.today().getYear() + 1 : y, actor.get());
    }

    @Operation(summary = "National what-if: a policy (officials at the minimum siltap, N vulnerable BPU workers per desa) "
            + "costed for your area, each province and each regency: cost per year and payer kind, people, coverage ratio")
    @PostMapping("/what-if")
    Map<String, Object> whatIf(@RequestBody WhatIf.Policy policy) {
        return whatIf.run(policy, actor.get());
    }

    static Integer parseYear(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", "INVALID_YEAR", "year must be a number such as 2027, got '" + InputProblem.shown(year) + "'");
        }
    }
}
