package id.lindung.budget.web;

import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.PlanRequest;
import id.lindung.budget.Prioritisation;
import id.lindung.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Anggaran / Budget", description = "Contribution budget plans per payer and year, prioritisation under a fixed budget")
class BudgetApiController {

    private final BudgetPlans plans;
    private final Prioritisation prioritisation;
    private final CurrentActor actor;

    BudgetApiController(BudgetPlans plans, Prioritisation prioritisation, CurrentActor actor) {
        this.plans = plans;
        this.prioritisation = prioritisation;
        this.actor = actor;
    }

    @Operation(summary = "Create a budget plan (roles that change data): the payer's memberships on the reference date plus "
            + "planned cohorts, projected month by month with the regulation in force; parameters not yet published are "
            + "projected and named in 'projected'. Bad input: 400/422 with a code per problem, nothing stored")
    @PostMapping("/budget-plans")
    ResponseEntity<Map<String, Object>> create(@RequestBody PlanRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(plans.create(request, actor.get()));
    }

    @Operation(summary = "Budget plans in your scope, by payer code and/or year")
    @GetMapping("/budget-plans")
    List<BudgetPlans.Summary> list(@RequestParam(required = false) String payer, @RequestParam(required = false) String year) {
        return plans.list(payer, parseYear(year), actor.get());
    }

    @Operation(summary = "One budget plan, as created")
    @GetMapping("/budget-plans/{id}")
    Map<String, Object> get(@PathVariable long id) {
        return plans.get(id, actor.get());
    }

    @Operation(summary = "Mark a plan FINAL (roles that change data): the figures it holds are the approved budget")
    @PostMapping("/budget-plans/{id}/final")
    Map<String, Object> finalise(@PathVariable long id) {
        return plans.finalise(id, actor.get());
    }

    @Operation(summary = "Whom a fixed budget covers for the plan's year: candidates (registered workers of the payer's area "
            + "without a membership on the plan's start month) ranked by 'order' (default P3KE_DECILE, CATEGORY, OLDEST; ties "
            + "by NIK) and covered strictly in rank order within the budget. Read-only roles see NIKs masked and nothing is kept; "
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

    static Integer parseYear(String year) {
        if (year == null || year.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(year.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("year", "INVALID_YEAR", "year must be a number such as 2027, got '" + year + "'");
        }
    }
}
